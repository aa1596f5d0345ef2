using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ProductStore.ServiceDefaults.Problems;

/// <summary>
/// ASP.NET Core's binding failures name C# parameters ("Failed to read parameter "LoginRequest request" ..."); clients
/// know JSON fields and query names. This turns each into a validation problem keyed by what the client sent: the JSON
/// path of a bad body field, the query or header name, or "body".
/// </summary>
public static partial class BindingFailures
{
    public const string BodyField = "body";

    public static HttpValidationProblemDetails? ToProblem(BadHttpRequestException failure)
    {
        if (failure.StatusCode != StatusCodes.Status400BadRequest) return null;
        var (field, message) = Describe(failure);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        };
    }

    private static (string Field, string Message) Describe(BadHttpRequestException failure)
    {
        if (failure.InnerException is JsonException json)
        {
            var path = json.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : "";
            return path.Length > 0
                ? (path, $"The value of {path} is not valid JSON of the expected type.")
                : (BodyField, "The request body is not valid JSON of the expected shape.");
        }
        if (BindFailure().Match(failure.Message) is { Success: true } bind)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(bind.Groups["name"].Value);
            return (name, $"The value '{bind.Groups["value"].Value}' is not valid for {name}.");
        }
        if (RequiredFailure().Match(failure.Message) is { Success: true } required)
        {
            return required.Groups["source"].Value == "body" ? (BodyField, "A JSON request body is required.")
                : (required.Groups["name"].Value, $"{required.Groups["name"].Value} is required.");
        }
        return failure.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
            ? (BodyField, "The request body is missing or is not valid JSON.")
            : ("request", "The request is malformed.");
    }

    [GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>[^\" ]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("^Required parameter \"[^\"]* (?<name>[^\" ]+)\" was not provided from (?<source>[a-z]+)", RegexOptions.Singleline)]
    private static partial Regex RequiredFailure();
}
