using System.Net;
using System.Text.Json;
using Xunit;

namespace ProductStore.TestSupport;

public static class ProblemAssertions
{
    /// <summary>Asserts the status and an RFC 9457 body (application/problem+json with a matching status) and returns the body.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        return body;
    }

    /// <summary>Asserts a 400 ValidationProblemDetails that names <paramref name="field"/>.</summary>
    public static async Task<JsonElement> ShouldBeValidationProblem(this HttpResponseMessage response, string field)
    {
        var body = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(body.TryGetProperty("errors", out var errors), $"No errors in {body}");
        Assert.True(errors.TryGetProperty(field, out _), $"No error for '{field}' in {errors}");
        return body;
    }

    /// <summary>Asserts a success status and reads the JSON body.</summary>
    public static async Task<T> ShouldBe<T>(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, JsonSerializerOptions.Web)!;
    }
}
