using ProductStore.Gateway.Proxy;

namespace ProductStore.Gateway.OpenApi;

public static class ApiDocumentsUi
{
    /// <summary>
    /// /swagger shows every service's API in one Swagger UI; the documents are proxied routes, /openapi/{service}.json.
    /// Swagger UI's middleware matches paths with regular expressions, so only requests under /swagger reach it.
    /// </summary>
    public static WebApplication UseApiDocumentsUi(this WebApplication app)
    {
        // Services with a document route only: the storefront is a cluster too, but it has no API of its own.
        var services = ProxySetup.ClusterIds(app.Configuration)
            .Where(service => app.Configuration[$"ReverseProxy:Routes:{service}-openapi:ClusterId"] is not null).ToArray();
        app.UseWhen(static context => context.Request.Path.StartsWithSegments("/swagger"), swagger => swagger.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "swagger";
            ui.DocumentTitle = "ProductStore API";
            foreach (var service in services) ui.SwaggerEndpoint($"/openapi/{service}.json", service);
        }));
        return app;
    }
}
