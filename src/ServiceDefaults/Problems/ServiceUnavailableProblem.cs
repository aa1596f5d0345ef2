namespace ProductStore.ServiceDefaults.Problems;

/// <summary>503 with Retry-After: the one answer for "not now, nothing was done, retry shortly".</summary>
public static class ServiceUnavailableProblem
{
    public const string RetryAfterSeconds = "5";

    public static ValueTask<bool> WriteAsync(IProblemDetailsService problems, HttpContext context, string title, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail },
        });
    }
}
