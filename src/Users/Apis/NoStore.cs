namespace ProductStore.Users.Apis;

/// <summary>
/// Responses that carry tokens must never be cached, by a browser or a proxy (RFC 6749 §5.1): <c>Cache-Control: no-store</c>,
/// and <c>Pragma: no-cache</c> for HTTP/1.0 caches. Set before the handler runs, so its errors carry them too.
/// </summary>
public static class NoStore
{
    public static RouteHandlerBuilder WithNoStore(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter(static (context, next) =>
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        return next(context);
    });
}
