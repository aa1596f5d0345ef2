using Microsoft.AspNetCore.Diagnostics;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ProductStore.ServiceDefaults.Problems;

/// <summary>A service this one depends on is down or too slow: 503, so callers know to retry later.</summary>
public sealed class DependencyFailureExceptionHandler(ILogger<DependencyFailureExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDependencyFailure(exception, context)) return false;
        logger.LogWarning("A dependency failed: {Reason}", exception.Message);
        return await ServiceUnavailableProblem.WriteAsync(context,
            "A service this request depends on is unavailable.", "Please retry shortly.");
    }

    private static bool IsDependencyFailure(Exception exception, HttpContext context) => exception switch
    {
        HttpRequestException or BrokenCircuitException or TimeoutRejectedException => true,
        DependencyUnavailableException => true,
        // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
        TaskCanceledException => !context.RequestAborted.IsCancellationRequested,
        _ => false,
    };
}

/// <summary>Thrown by service clients when another service answers with something this one cannot use.</summary>
public sealed class DependencyUnavailableException(string message) : Exception(message);
