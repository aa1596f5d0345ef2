using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProductStore.ServiceDefaults.OpenApi;

/// <summary>
/// Numbers are documented as the JSON numbers the services send and ask for. (The web JSON defaults would also read
/// "5" for 5, so the generator offers a string alternative; clients generated from that get a union type for nothing.)
/// </summary>
public sealed class NumericSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)) && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }
}
