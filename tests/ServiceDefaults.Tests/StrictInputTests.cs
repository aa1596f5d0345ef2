using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.Storage;
using ProductStore.TestSupport;

namespace ProductStore.ServiceDefaults.Tests;

/// <summary>Strict numbers, plain names and messages that name JSON fields, not C# parameters (issue 16).</summary>
public sealed class StrictInputTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public record Gadget(string? DisplayName, int Count) : IValidatable
    {
        public void Validate(ValidationErrors errors) => errors.WhenNotPlain(DisplayName, "displayName");
    }

    public record PriceQuery(decimal? MinPrice, int? Limit);

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(app =>
    {
        var group = app.MapGroup("/gadgets").WithValidation();
        group.MapPost("", (Gadget gadget) => TypedResults.Ok(gadget));
        group.MapGet("", ([AsParameters] PriceQuery query) => TypedResults.Ok(query));
        group.MapGet("/paged", ([AsParameters] PageQuery page) => TypedResults.Ok(new { page.Size }));
    });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("minPrice=1,5", "minPrice")]
    [InlineData("minPrice=5-", "minPrice")]
    [InlineData("minPrice=1%2C000.50", "minPrice")]
    [InlineData("minPrice=%201", "minPrice")]
    [InlineData("limit=1,000", "limit")]
    [InlineData("limit=5-", "limit")]
    public async Task Numbers_with_group_separators_trailing_signs_or_spaces_are_400_naming_the_parameter(string query, string field) =>
        await (await _app.Client.GetAsync($"/gadgets?{query}")).ShouldBeValidationProblem(field);

    [Fact]
    public async Task Numbers_as_programs_write_them_are_read()
    {
        var response = await _app.Client.GetAsync("/gadgets?minPrice=-12.50&limit=20");

        Assert.Equal("""{"minPrice":-12.50,"limit":20}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_number_that_does_not_parse_names_the_query_parameter_not_the_csharp_one()
    {
        var body = await (await _app.Client.GetAsync("/gadgets/paged?limit=ten")).ShouldBeValidationProblem("limit");

        Assert.DoesNotContain("int?", body.ToString());
    }

    [Theory]
    [InlineData("Ann\u0000")]
    [InlineData("Ann\nSmith")]
    [InlineData("evil\u202Egnp.exe")]
    [InlineData("\u2066Ann\u2069")]
    [InlineData("Ann\u200F")]
    public async Task Display_names_with_control_or_bidi_formatting_characters_are_400_naming_the_field(string name) =>
        await (await Post(System.Text.Json.JsonSerializer.Serialize(new { displayName = name, count = 1 }))).ShouldBeValidationProblem("displayName");

    [Fact]
    public async Task Names_in_any_script_are_plain_text() =>
        Assert.Equal(HttpStatusCode.OK, (await Post("""{"displayName":"Zoë Ó Briain 李小龍 مريم","count":1}""")).StatusCode);

    [Theory]
    [InlineData("", "body")]
    [InlineData("{", "body")]
    [InlineData("""{"displayName":"x","count":"three"}""", "count")]
    public async Task A_body_that_does_not_bind_names_the_json_field_or_the_body_never_a_csharp_parameter(string json, string field)
    {
        var body = await (await Post(json)).ShouldBeValidationProblem(field);

        Assert.DoesNotContain("Gadget", body.ToString());
        Assert.DoesNotContain("parameter", body.ToString());
    }

    [Fact]
    public async Task A_validation_problem_is_problem_json_even_for_a_client_that_accepts_only_html()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/gadgets") { Content = new StringContent("{", Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        await (await _app.Client.SendAsync(request)).ShouldBeValidationProblem("body");
    }

    private Task<HttpResponseMessage> Post(string json) =>
        _app.Client.PostAsync("/gadgets", new StringContent(json, Encoding.UTF8, "application/json"));
}
