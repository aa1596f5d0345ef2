using System.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace ProductStore.Gateway.Edge;

/// <summary>
/// Every request gets a request id (the caller's, when it is sane, else the trace id) that the services see and the
/// caller gets back; every response gets the security headers and loses the Server header. Response headers are
/// written as the response starts, so even responses that YARP or the exception handler cleared carry them.
/// </summary>
public static class EdgeHeaders
{
    public const string RequestIdHeader = "X-Request-Id";
    private const int MaxRequestIdLength = 128;

    private const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // Swagger UI loads its own scripts and styles and sets inline styles; it fetches documents from this origin.
    private const string SwaggerContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // The storefront's pages: its own scripts, styles and fetches (enhanced navigation), forms posting to itself.
    private const string ShopContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>Paths the gateway or the API services answer; every other path is a page of the storefront.</summary>
    private static readonly string[] ApiPaths = ["/api", "/internal", "/.well-known", "/openapi", "/health", "/metrics"];

    public static WebApplication UseEdgeHeaders(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var headers = context.Request.Headers;
            if (!IsSaneRequestId(headers[RequestIdHeader]))
            {
                headers[RequestIdHeader] = Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;
            }
            context.Response.OnStarting(WriteResponseHeaders, context);
            return next(context);
        });
        return app;
    }

    public static bool IsSaneRequestId(string? value)
    {
        if (value is not { Length: > 0 and <= MaxRequestIdLength }) return false;
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')) return false;
        }
        return true;
    }

    private static readonly Func<object, Task> WriteResponseHeaders = static state =>
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers[RequestIdHeader] = context.Request.Headers[RequestIdHeader];
        // A service's Server header, relayed by YARP, would tell the world what runs behind the gateway.
        headers.Remove(HeaderNames.Server);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        var path = context.Request.Path;
        headers.ContentSecurityPolicy = path.StartsWithSegments("/swagger") ? SwaggerContentSecurityPolicy
            : Array.Exists(ApiPaths, api => path.StartsWithSegments(api)) ? ApiContentSecurityPolicy
            : ShopContentSecurityPolicy;
        return Task.CompletedTask;
    };
}
