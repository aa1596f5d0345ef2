using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace ProductStore.Storefront.Api;

/// <summary>Sends the signed-in shopper's access token, which never leaves the server side of the session cookie.</summary>
public sealed class AccessTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && accessor.HttpContext is { } context
            && await context.GetTokenAsync("access_token") is { Length: > 0 } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
