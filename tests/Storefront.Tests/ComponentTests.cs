using Bunit;
using ProductStore.Storefront.Api;
using ProductStore.Storefront.Components.Shared;

namespace ProductStore.Storefront.Tests;

public sealed class ComponentTests : BunitContext
{
    private static Product ProductWith(string imageUrl) =>
        new(Guid.Parse("0196a1b2-0000-7000-8000-000000000001"), "SKU-1", "red running shoes", "", "shoes", 10m, "EUR", 3, imageUrl);

    [Fact]
    public void A_product_without_an_image_of_ours_gets_a_placeholder_with_its_initials_and_name()
    {
        var image = Render<ProductImage>(p => p.Add(c => c.Product, ProductWith("https://images.example/outside.jpg")));

        Assert.Empty(image.FindAll("img"));
        Assert.Equal("red running shoes", image.Find("svg").GetAttribute("aria-label"));
        Assert.Equal("RR", image.Find("text").TextContent);
    }

    [Fact]
    public void A_product_image_of_our_origin_is_shown_with_its_name_as_alt_text()
    {
        var image = Render<ProductImage>(p => p.Add(c => c.Product, ProductWith("/images/shoes.png")));

        Assert.Equal("red running shoes", image.Find("img").GetAttribute("alt"));
    }

    [Fact]
    public void The_timeline_marks_the_steps_reached_and_the_current_one()
    {
        var at = DateTimeOffset.Parse("2026-12-06T10:00:00Z");
        var order = new Order(Guid.NewGuid(), Guid.NewGuid(), "Paid", [], 10m, "EUR", at, at,
            [new StatusChange(null, "Pending", at, "user"), new StatusChange("Pending", "Paid", at.AddSeconds(1), "system")]);

        var timeline = Render<OrderTimeline>(p => p.Add(c => c.Order, order));

        Assert.Equal(["done", "done", "todo", "todo"], timeline.FindAll("li").Select(li => li.ClassName));
        Assert.Equal("Paid", timeline.Find("li[aria-current=step] .step").TextContent);
    }

    [Fact]
    public void A_cancelled_order_shows_where_it_stopped()
    {
        var at = DateTimeOffset.Parse("2026-12-06T10:00:00Z");
        var order = new Order(Guid.NewGuid(), Guid.NewGuid(), "Cancelled", [], 10m, "EUR", at, at,
            [new StatusChange(null, "Pending", at, "user"), new StatusChange("Pending", "Cancelled", at.AddSeconds(1), "user")]);

        var steps = Render<OrderTimeline>(p => p.Add(c => c.Order, order)).FindAll(".step").Select(s => s.TextContent);

        Assert.Equal(["Pending", "Cancelled"], steps);
    }

    [Fact]
    public void A_field_problem_shows_the_api_message_for_that_field_only()
    {
        var problem = new ApiProblem(400, "Validation", null, new Dictionary<string, string[]> { ["email"] = ["A valid email address is required."] }, []);

        Assert.Equal("A valid email address is required.", Render<FieldProblem>(p => p.Add(c => c.Problem, problem).Add(c => c.Field, "email")).Find("p").TextContent);
        Assert.Empty(Render<FieldProblem>(p => p.Add(c => c.Problem, problem).Add(c => c.Field, "password")).FindAll("p"));
    }
}
