using Microsoft.AspNetCore.Diagnostics;

namespace ProductStore.ServiceDefaults.Problems;

/// <summary>A client's mistake found while handling the request (bad JSON, body too large, a foreign cursor) is a 4xx, never a 500.</summary>
public sealed class ClientErrorExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Detail = "The request body is larger than this service accepts.",
            },
            BadHttpRequestException bad => BindingFailures.ToProblem(bad) ?? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = bad.StatusCode, Detail = bad.Message },
            ClientInputException input => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [input.Field] = [input.Message] }) { Status = StatusCodes.Status400BadRequest },
            _ => null,
        };
        if (problem is null) return false;
        await context.WriteProblemAsync(problem, exception);
        return true;
    }
}
