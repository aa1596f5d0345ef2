using Microsoft.OpenApi;

namespace ProductStore.ServiceDefaults.OpenApi;

public static class OpenApiDocument
{
    public const string Path = "/openapi/v1.json";

    /// <summary>Paths only services call (/internal/**): the gateway never routes them, so no public document names them.</summary>
    public const string InternalPrefix = "internal/";

    /// <summary>
    /// Each service describes its own API at /openapi/v1.json; the gateway's Swagger UI shows them all.
    /// Its one server is "/", so the UI and clients call the origin it was loaded from: the gateway. Security and error responses
    /// come from each endpoint's metadata (<see cref="OperationSecurity"/>, <see cref="StandardErrorResponses"/>).
    /// </summary>
    public static WebApplicationBuilder AddOpenApiDocument(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith(InternalPrefix, StringComparison.Ordinal) != true;
            o.AddSchemaTransformer<NumericSchemas>();
            o.AddOperationTransformer<ParameterConstraints>();
            o.AddOperationTransformer<QueryParameterNames>();
            o.AddOperationTransformer<OperationSecurity>();
            o.AddOperationTransformer<StandardErrorResponses>();
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Servers = [new OpenApiServer { Url = "/", Description = "The origin the document was fetched from: the gateway." }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[OperationSecurity.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token from POST /api/users/login.",
                };
                ProblemResponseSchemas.Register(document);
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        app.MapOpenApi(Path).DisableHttpMetrics();
        return app;
    }
}
