using Microsoft.AspNetCore.Mvc;
using ProductStore.ServiceDefaults.Problems;

namespace ProductStore.Gateway.Edge;

/// <summary>
/// Refuses, before anything is forwarded, what no service could be sent: a method the API does not use (CONNECT,
/// TRACE, ...) gets 405 with Allow, and a header value outside visible ASCII (HTTP's field-value; .NET's HTTP client
/// refuses anything else) gets 400 naming the header. Both are the client's fault, never a 502.
/// </summary>
public static class ForwardableRequests
{
    public const string AllowedMethods = "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS";

    public static WebApplication UseForwardableRequests(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            if (!IsAllowedMethod(context.Request.Method))
            {
                context.Response.Headers.Allow = AllowedMethods;
                return context.WriteProblemAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status405MethodNotAllowed,
                    Title = "Method not allowed.",
                    Detail = $"The API answers {AllowedMethods}.",
                });
            }
            if (UnforwardableHeader(context.Request.Headers) is { } header)
            {
                return context.WriteProblemAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Invalid header value.",
                    Detail = $"The value of the header '{header}' must be visible ASCII characters, spaces and tabs only.",
                });
            }
            return next(context);
        });
        return app;
    }

    private static bool IsAllowedMethod(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method) || HttpMethods.IsPut(method)
        || HttpMethods.IsDelete(method) || HttpMethods.IsPatch(method) || HttpMethods.IsOptions(method);

    /// <summary>The name of the first header whose value holds anything but visible ASCII, space or tab; null when all are fine.</summary>
    public static string? UnforwardableHeader(IHeaderDictionary headers)
    {
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                foreach (var c in value ?? "")
                {
                    if (c is not ('\t' or (>= ' ' and <= '~'))) return name;
                }
            }
        }
        return null;
    }
}
