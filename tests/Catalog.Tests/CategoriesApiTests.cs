using System.Net;
using System.Net.Http.Json;
using ProductStore.Catalog.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Catalog.Tests;

public class CategoriesApiTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    private readonly HttpClient _admin = factory.CreateAdminClient();

    [Fact]
    public async Task An_admin_creates_a_category_that_anyone_can_list()
    {
        var slug = CatalogHttp.NewSlug();
        var response = await _admin.PostAsJsonAsync("/api/catalog/categories", new { slug, name = "Tea & Coffee" });

        var created = await response.ShouldBe<CategoryDto>(HttpStatusCode.Created);
        Assert.Equal((slug, "Tea & Coffee"), (created.Slug, created.Name));
        Assert.NotEqual(Guid.Empty, created.Id);
        Assert.Equal($"/api/catalog/categories/{slug}", response.Headers.Location?.OriginalString);
        var listed = await (await factory.CreateClient().GetAsync("/api/catalog/categories")).ShouldBe<List<CategoryDto>>(HttpStatusCode.OK);
        Assert.Contains(created, listed);
    }

    [Fact]
    public async Task A_duplicate_slug_is_a_409()
    {
        var category = await _admin.CreateCategoryAsync();
        await (await _admin.PostAsJsonAsync("/api/catalog/categories", new { slug = category.Slug, name = "Again" })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("Upper", "Name", "slug")]
    [InlineData("with space", "Name", "slug")]
    [InlineData("-dash-first", "Name", "slug")]
    [InlineData("", "Name", "slug")]
    [InlineData("ok-slug", "", "name")]
    public async Task Invalid_categories_are_validation_problems(string slug, string name, string field) =>
        await (await _admin.PostAsJsonAsync("/api/catalog/categories", new { slug, name })).ShouldBeValidationProblem(field);

    [Fact]
    public async Task An_admin_renames_a_category()
    {
        var category = await _admin.CreateCategoryAsync(name: "Old");

        var renamed = await (await _admin.PutAsJsonAsync($"/api/catalog/categories/{category.Slug}", new { name = " New " })).ShouldBe<CategoryDto>(HttpStatusCode.OK);

        Assert.Equal(category with { Name = "New" }, renamed);
        Assert.Contains(renamed, await factory.CreateClient().GetFromJsonAsync<List<CategoryDto>>("/api/catalog/categories") ?? []);
        await (await _admin.PutAsJsonAsync($"/api/catalog/categories/{category.Slug}", new { name = "" })).ShouldBeValidationProblem("name");
        await (await _admin.PutAsJsonAsync("/api/catalog/categories/no-such-category", new { name = "X" })).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_empty_category_is_deleted_and_a_non_empty_one_is_a_409()
    {
        var empty = await _admin.CreateCategoryAsync();
        var full = await _admin.CreateCategoryAsync();
        var product = await _admin.CreateProductAsync(full.Slug);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/catalog/categories/{empty.Slug}")).StatusCode);
        await (await _admin.DeleteAsync($"/api/catalog/categories/{full.Slug}")).ShouldBeProblem(HttpStatusCode.Conflict);

        var listed = await factory.CreateClient().GetFromJsonAsync<List<CategoryDto>>("/api/catalog/categories") ?? [];
        Assert.DoesNotContain(listed, c => c.Slug == empty.Slug);
        Assert.Contains(listed, c => c.Slug == full.Slug);
        await (await _admin.DeleteAsync($"/api/catalog/categories/{empty.Slug}")).ShouldBeProblem(HttpStatusCode.NotFound);

        // Once empty, it goes.
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/catalog/products/{product.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/catalog/categories/{full.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Category_writes_need_an_admin()
    {
        var category = await _admin.CreateCategoryAsync();
        foreach (var (client, status) in new[] { (factory.CreateClient(), HttpStatusCode.Unauthorized), (factory.CreateCustomerClient(), HttpStatusCode.Forbidden) })
        {
            await (await client.PostAsJsonAsync("/api/catalog/categories", new { slug = CatalogHttp.NewSlug(), name = "X" })).ShouldBeProblem(status);
            await (await client.PutAsJsonAsync($"/api/catalog/categories/{category.Slug}", new { name = "X" })).ShouldBeProblem(status);
            await (await client.DeleteAsync($"/api/catalog/categories/{category.Slug}")).ShouldBeProblem(status);
        }
        var listed = await factory.CreateClient().GetFromJsonAsync<List<CategoryDto>>("/api/catalog/categories") ?? [];
        Assert.Contains(category, listed);
    }
}
