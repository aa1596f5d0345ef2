using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ProductStore.ServiceDefaults.Problems;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ProductStore.Gateway.Proxy;

/// <summary>
/// Measures each forwarded call and, when YARP could not complete it (service down, too slow, body too large),
/// answers with a ProblemDetails body instead of YARP's empty one.
/// </summary>
public sealed class UpstreamOutcomes(RequestDelegate next, GatewayMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        var proxy = context.GetReverseProxyFeature();
        var route = proxy.Route.Config.RouteId;
        var cluster = proxy.Cluster.Config.ClusterId;
        metrics.Forwarded(route, cluster, context.Response.StatusCode, Stopwatch.GetElapsedTime(started));

        if (context.Features.Get<IForwarderErrorFeature>() is not { } failure) return;
        metrics.Failed(route, cluster, failure.Error);
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested) return;
        if (failure.Error == ForwarderError.RequestCreation) context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (context.Response.StatusCode is StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout)
            context.Response.Headers.RetryAfter = ServiceUnavailableProblem.RetryAfterSeconds;
        await context.WriteProblemAsync(Problem(context.Response.StatusCode, cluster));
    }

    private static ProblemDetails Problem(int status, string cluster) => new()
    {
        Status = status,
        Title = status switch
        {
            StatusCodes.Status502BadGateway => "A service is unavailable.",
            StatusCodes.Status503ServiceUnavailable => "A service is unavailable.",
            StatusCodes.Status504GatewayTimeout => "A service did not answer in time.",
            StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
            StatusCodes.Status400BadRequest => "The request cannot be forwarded as sent (a header value that is not ASCII, say).",
            _ => "The request could not be forwarded.",
        },
        Detail = status >= 500 ? $"The {cluster} service could not handle the request. Please retry shortly." : null,
    };
}
