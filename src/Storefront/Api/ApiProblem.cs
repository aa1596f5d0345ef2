using System.Net;
using System.Text.Json;

namespace ProductStore.Storefront.Api;

/// <summary>An RFC 9457 problem from the API, kept so a page can show it next to the field or action it concerns.</summary>
public sealed record ApiProblem(
    int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<ShortItem> ShortItems)
{
    /// <summary>The message for one field of the request, by its JSON name (the API's errors are keyed by it).</summary>
    public string? For(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages
            ? string.Join(" ", messages)
            : null;

    /// <summary>What to tell a person: the detail when the API gave one, else its title.</summary>
    public string Message => Detail ?? Title;

    public ShortItem? ShortOf(Guid productId) => ShortItems.FirstOrDefault(s => s.ProductId == productId);

    public static ApiProblem Unavailable(HttpStatusCode status) =>
        new((int)status, "The shop could not complete this just now.", "Please try again in a moment.", Empty, []);

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ProblemBody>(JsonSerializerOptions.Web, cancellationToken);
            if (body is not null)
                return new ApiProblem(status, body.Title ?? response.ReasonPhrase ?? "Error", body.Detail,
                    body.Errors ?? Empty, body.ShortItems ?? []);
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page, say): the status alone says enough.
        }
        return status >= 500 ? Unavailable(response.StatusCode) : new ApiProblem(status, response.ReasonPhrase ?? "Error", null, Empty, []);
    }

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors, ShortItem[]? ShortItems);
}
