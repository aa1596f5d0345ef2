using Microsoft.OpenApi;

namespace ProductStore.ServiceDefaults.OpenApi;

/// <summary>
/// Error responses as they leave every service: RFC 9457 problems (application/problem+json), validation problems with
/// per-field errors for 400. The two schemas are written once into each document's components.
/// </summary>
public static class ProblemResponseSchemas
{
    public const string ContentType = "application/problem+json";
    public const string Problem = "ProblemDetails";
    public const string ValidationProblem = "HttpValidationProblemDetails";

    /// <summary>Declares <paramref name="status"/> unless the operation already does; a bare declaration gets the problem body.</summary>
    public static void Add(OpenApiOperation operation, Microsoft.OpenApi.OpenApiDocument document, int status, string description, bool retryAfter = false)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses.TryGetValue(key, out var existing)) operation.Responses[key] = existing = new OpenApiResponse { Description = description };
        if (existing is not OpenApiResponse response) return;
        if (response.Content is not { Count: > 0 } || !response.Content.ContainsKey(ContentType))
        {
            response.Content = new Dictionary<string, OpenApiMediaType>
            {
                [ContentType] = new() { Schema = new OpenApiSchemaReference(status == 400 ? ValidationProblem : Problem, document) },
            };
        }
        if (retryAfter)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before retrying.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
            };
        }
    }

    /// <summary>The two components, as System.Text.Json writes ProblemDetails and HttpValidationProblemDetails.</summary>
    public static void Register(Microsoft.OpenApi.OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema();
        var validation = ProblemSchema();
        validation.Required = new HashSet<string> { "errors" };
        validation.Properties!["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The problems of each field, by its JSON name (or the header's name).",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        document.Components.Schemas[ValidationProblem] = validation;
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        AdditionalProperties = new OpenApiSchema(),
    };
}
