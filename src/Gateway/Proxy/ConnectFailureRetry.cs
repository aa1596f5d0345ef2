using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ProductStore.Gateway.Proxy;

/// <summary>
/// A replica that is stopping or gone refuses connections (or drops an idle one as the request goes out): a request
/// that failed before any response came back is sent once more, to another destination of its cluster. Only safe
/// methods and bodiless idempotent ones (RFC 9110 §9.2.2), so nothing runs twice and no body needs buffering; a cluster
/// with one destination pays one count check.
/// </summary>
public sealed class ConnectFailureRetry(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var destinations = proxy.AvailableDestinations;
        if (destinations.Count < 2 || !IsRetryable(context.Request))
        {
            await next(context);
            return;
        }
        await next(context);
        if (context.Features.Get<IForwarderErrorFeature>() is not { Error: ForwarderError.Request }
            || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested
            || proxy.ProxiedDestination is not { } failed)
        {
            return;
        }
        var others = new List<DestinationState>(destinations.Count - 1);
        foreach (var destination in destinations)
        {
            if (destination != failed) others.Add(destination);
        }
        proxy.AvailableDestinations = others;
        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.Clear();
        await next(context);
    }

    private static bool IsRetryable(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsDelete(request.Method) || HttpMethods.IsPut(request.Method))
        && request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding");
}
