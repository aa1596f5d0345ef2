using System.Text.Json;

namespace ProductStore.Storefront.Api;

/// <summary>An API call's value, or the problem it answered with; <see cref="ETag"/> when the response carried one.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem, string? ETag = null)
{
    public bool Succeeded => Problem is null;

    public static async Task<ApiResult<T>> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode) return new(default, await ApiProblem.ReadAsync(response, cancellationToken));
            var value = response.Content.Headers.ContentLength == 0 || typeof(T) == typeof(bool)
                ? default
                : await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, cancellationToken);
            return new(value, null, response.Headers.ETag?.ToString());
        }
    }
}
