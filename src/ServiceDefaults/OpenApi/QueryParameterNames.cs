using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProductStore.ServiceDefaults.OpenApi;

/// <summary>
/// Query parameters bound from [AsParameters] records carry the record's PascalCase names; the services read query
/// names case-insensitively, and clients are told the camelCase names every example and our JSON use.
/// </summary>
public sealed class QueryParameterNames : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { } name) parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
        }
        return Task.CompletedTask;
    }
}
