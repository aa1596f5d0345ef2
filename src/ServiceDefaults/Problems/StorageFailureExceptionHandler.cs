using Microsoft.AspNetCore.Diagnostics;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.ServiceDefaults.Problems;

/// <summary>The database cannot serve the request now: 503 with Retry-After, so clients and the gateway retry later, never a 500.</summary>
public sealed class StorageFailureExceptionHandler(IProblemDetailsService problems, ILogger<StorageFailureExceptionHandler> logger) : IExceptionHandler
{
    public const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StorageUnavailableException) return false;
        logger.LogError(exception, "Storage unavailable: {Reason}", exception.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = "The service cannot reach its data right now; nothing was changed. Please retry shortly.",
            },
        });
    }
}
