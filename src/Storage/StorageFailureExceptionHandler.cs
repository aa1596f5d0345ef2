using Microsoft.AspNetCore.Diagnostics;
using ProductStore.ServiceDefaults.Problems;

namespace ProductStore.Storage;

/// <summary>The database cannot serve the request now: 503 with Retry-After, so clients and the gateway retry later, never a 500.</summary>
public sealed class StorageFailureExceptionHandler(ILogger<StorageFailureExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StorageUnavailableException) return false;
        logger.LogError(exception, "Storage unavailable: {Reason}", exception.Message);
        return await ServiceUnavailableProblem.WriteAsync(context, "Storage unavailable",
            "The service cannot reach its data right now; nothing was changed. Please retry shortly.");
    }
}
