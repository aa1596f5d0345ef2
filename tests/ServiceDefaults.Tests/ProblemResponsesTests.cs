using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.Storage;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.TestSupport;

namespace ProductStore.ServiceDefaults.Tests;

public sealed class ProblemResponsesTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public record Widget(string? Name, int Count) : IValidatable
    {
        public void Validate(ValidationErrors errors) => errors
            .When(string.IsNullOrWhiteSpace(Name), "name", "A name is required.")
            .When(Count is < 1 or > 10, "count", "The count must be 1 to 10.");
    }

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(app =>
    {
        var group = app.MapGroup("/widgets").WithValidation();
        group.MapPost("", (Widget widget) => TypedResults.Ok(widget));
        group.MapGet("/{id:int}", (int id, int? size) => TypedResults.Ok(new { id, size }));
        group.MapGet("/paged", ([Microsoft.AspNetCore.Http.AsParameters] PageQuery page) => TypedResults.Ok(new { page.Size, cursor = page.Cursor is null ? null : Cursor.Decode(page.Cursor, "widgets") }));
        app.MapGet("/boom", string () => throw new InvalidOperationException("secret internals"));
        app.MapGet("/dependency-down", string () => throw new HttpRequestException("connection refused"));
    }, builder => builder.Configuration["Limits:MaxRequestBodyBytes"] = "1024");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> Post(string json) =>
        _app.Client.PostAsync("/widgets", new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task A_valid_request_reaches_the_handler() =>
        Assert.Equal(HttpStatusCode.OK, (await Post("""{"name":"gear","count":3}""")).StatusCode);

    [Fact]
    public async Task Invalid_fields_are_each_named_in_a_validation_problem()
    {
        var body = await (await Post("""{"name":" ","count":11}""")).ShouldBeValidationProblem("name");
        Assert.Equal("The count must be 1 to 10.", body.GetProperty("errors").GetProperty("count")[0].GetString());
    }

    [Theory]
    [InlineData("""{"name":"gear","count":""")]
    [InlineData("""{"name":"gear","count":"three"}""")]
    [InlineData("""[1,2]""")]
    public async Task Malformed_json_is_a_400_problem_not_a_500(string json) =>
        await (await Post(json)).ShouldBeProblem(HttpStatusCode.BadRequest);

    [Fact]
    public async Task A_missing_body_is_a_400_problem() =>
        await (await _app.Client.PostAsync("/widgets", new StringContent("", Encoding.UTF8, "application/json"))).ShouldBeProblem(HttpStatusCode.BadRequest);

    [Fact]
    public async Task An_unparsable_query_value_is_a_400_problem() =>
        await (await _app.Client.GetAsync("/widgets/1?size=big")).ShouldBeProblem(HttpStatusCode.BadRequest);

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var json = $$"""{"name":"{{new string('x', 4000)}}","count":1}""";
        await (await Post(json)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Unknown_routes_are_404_problems() =>
        await (await _app.Client.GetAsync("/nowhere")).ShouldBeProblem(HttpStatusCode.NotFound);

    [Fact]
    public async Task A_bug_is_a_500_problem_that_does_not_leak_internals()
    {
        var response = await _app.Client.GetAsync("/boom");
        await response.ShouldBeProblem(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("secret internals", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failed_dependency_is_a_503_problem_with_retry_after()
    {
        var response = await _app.Client.GetAsync("/dependency-down");
        await response.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Paging_limits_are_validated_capped_and_cursors_checked()
    {
        await (await _app.Client.GetAsync("/widgets/paged?limit=0")).ShouldBeValidationProblem("limit");
        Assert.Contains("\"size\":100", await _app.Client.GetStringAsync("/widgets/paged?limit=500"));
        Assert.Contains("\"size\":20", await _app.Client.GetStringAsync("/widgets/paged"));
        await (await _app.Client.GetAsync("/widgets/paged?cursor=" + Cursor.Encode("other", "1"))).ShouldBeValidationProblem("cursor");
        Assert.Contains("\"cursor\":\"7\"", await _app.Client.GetStringAsync("/widgets/paged?cursor=" + Cursor.Encode("widgets", "7")));
    }

    [Fact]
    public async Task Health_endpoints_answer_in_every_environment()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync("/health/live")).StatusCode);
        Assert.Contains("Healthy", await _app.Client.GetStringAsync("/health/ready"));
    }
}
