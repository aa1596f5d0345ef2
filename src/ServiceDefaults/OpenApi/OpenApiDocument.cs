using Microsoft.OpenApi;

namespace ProductStore.ServiceDefaults.OpenApi;

public static class OpenApiDocument
{
    public const string Path = "/openapi/v1.json";

    /// <summary>
    /// Each service describes its own API at /openapi/v1.json; the gateway's Swagger UI shows them all.
    /// Servers are left out so the UI calls the origin it was loaded from: the gateway.
    /// </summary>
    public static WebApplicationBuilder AddOpenApiDocument(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Servers = [];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from POST /api/users/login.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        app.MapOpenApi(Path).DisableHttpMetrics();
        return app;
    }
}
