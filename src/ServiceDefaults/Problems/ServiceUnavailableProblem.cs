namespace ProductStore.ServiceDefaults.Problems;

/// <summary>503 with Retry-After: the one answer for "not now, nothing was done, retry shortly".</summary>
public static class ServiceUnavailableProblem
{
    public const string RetryAfterSeconds = "5";

    public static async ValueTask<bool> WriteAsync(HttpContext context, string title, string detail)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        await context.WriteProblemAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail });
        return true;
    }
}
