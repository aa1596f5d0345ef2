using Microsoft.AspNetCore.Mvc;

namespace ProductStore.ServiceDefaults.Problems;

/// <summary>
/// Writes a problem whatever the client's Accept header says: through IProblemDetailsService when it can (JSON
/// accepted), else as application/problem+json all the same. A client asking for text/html gets the right status and
/// its Retry-After, never a 500 from a writer that found no format it liked.
/// </summary>
public static class ProblemWriter
{
    public static async Task WriteProblemAsync(this HttpContext context, ProblemDetails problem, Exception? exception = null)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var problems = context.RequestServices.GetService<IProblemDetailsService>();
        if (problems is not null
            && await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem }))
        {
            return;
        }
        await TypedResults.Problem(problem).ExecuteAsync(context);
    }
}
