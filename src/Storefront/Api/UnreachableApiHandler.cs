using System.Net;

namespace ProductStore.Storefront.Api;

/// <summary>
/// A call that failed to get an answer (timeout, refused connection, open circuit) becomes a 503 response, so a page
/// shows "try again" beside the action instead of an error page.
/// </summary>
public sealed class UnreachableApiHandler(ILogger<UnreachableApiHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.ExecutionRejectedException
                                   || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(e, "The API did not answer {Method} {Path}.", request.Method, request.RequestUri?.AbsolutePath);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
        }
    }
}
