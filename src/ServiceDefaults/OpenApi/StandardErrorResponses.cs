using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProductStore.ServiceDefaults.OpenApi;

/// <summary>
/// The errors any operation can meet, whatever its handler does, declared from its shape: 400 when it reads input,
/// 404 when its path names something, 413 and 415 when it reads a body, 429 (the gateway's rate limits) and 503
/// (storage or a service it calls unavailable) always. Every declared error gets the problem body it really has.
/// </summary>
public sealed class StandardErrorResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        var parameters = operation.Parameters ?? [];
        if (parameters.Count > 0 || operation.RequestBody is not null)
            ProblemResponseSchemas.Add(operation, document, StatusCodes.Status400BadRequest, "The input is invalid; errors names each field (by its JSON name) or header.");
        if (parameters.Any(p => p.In == ParameterLocation.Path))
            ProblemResponseSchemas.Add(operation, document, StatusCodes.Status404NotFound, "Nothing with this id (or it is not the caller's).");
        if (operation.RequestBody is not null)
        {
            ProblemResponseSchemas.Add(operation, document, StatusCodes.Status413PayloadTooLarge, "The body is larger than the service accepts (Limits:MaxRequestBodyBytes).");
            ProblemResponseSchemas.Add(operation, document, StatusCodes.Status415UnsupportedMediaType, "The body is not sent as application/json.");
        }
        ProblemResponseSchemas.Add(operation, document, StatusCodes.Status429TooManyRequests, "Too many requests from this client (the gateway's rate limits).", retryAfter: true);
        ProblemResponseSchemas.Add(operation, document, StatusCodes.Status503ServiceUnavailable, "Storage or a service this one depends on is unavailable; nothing was done.", retryAfter: true);
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status.StartsWith('4') || status.StartsWith('5'))
                ProblemResponseSchemas.Add(operation, document, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), response.Description ?? "");
        }
        return Task.CompletedTask;
    }
}
