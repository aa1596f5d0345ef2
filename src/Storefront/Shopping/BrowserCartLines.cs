using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.JSInterop;
using ProductStore.Storefront.Api;

namespace ProductStore.Storefront.Shopping;

/// <summary>
/// A circuit's cart change, sent by the shopper's browser to /cart/lines (<see cref="CartLineEndpoints"/>): the cookies
/// its answer rewrites (the guest cart, a rotated session) land in the browser, which a circuit cannot write to.
/// The answer is read like any API answer, ProblemDetails included.
/// </summary>
public sealed class BrowserCartLines(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    public Task<ApiResult<CartView>> SetQuantityAsync(Guid productId, int quantity, string? requestToken) =>
        SendAsync(HttpMethod.Put, productId, requestToken, new { quantity });

    public Task<ApiResult<CartView>> RemoveAsync(Guid productId, string? requestToken) =>
        SendAsync(HttpMethod.Delete, productId, requestToken, null);

    private async Task<ApiResult<CartView>> SendAsync(HttpMethod method, Guid productId, string? requestToken, object? body)
    {
        BrowserAnswer answer;
        try
        {
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./cart-lines.js");
            answer = await _module.InvokeAsync<BrowserAnswer>("send", method.Method, $"{CartLineEndpoints.Path}/{productId}", requestToken, body);
        }
        catch (JSException)
        {
            answer = new BrowserAnswer((int)HttpStatusCode.ServiceUnavailable, null, "");
        }
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = new StringContent(answer.Body, Encoding.UTF8) };
        response.Content.Headers.ContentType = answer.ContentType is { } type ? MediaTypeHeaderValue.Parse(type) : null;
        return await ApiResult<CartView>.ReadAsync(response, CancellationToken.None);
    }

    /// <summary>What the browser tells of the answer: status, content type and body text.</summary>
    internal sealed record BrowserAnswer(int Status, string? ContentType, string Body);

    public async ValueTask DisposeAsync()
    {
        if (_module is null) return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the module with it.
        }
    }
}
