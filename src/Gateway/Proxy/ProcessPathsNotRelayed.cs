namespace ProductStore.Gateway.Proxy;

public static class ProcessPathsNotRelayed
{
    /// <summary>
    /// Every path the API routes do not claim goes to the storefront, but a process's own /metrics and health reports
    /// stay internal: on the public listener they are 404 here, never the storefront's (the gateway's are on its
    /// management listener; its public /health/live and /health/ready are mapped before this and win).
    /// </summary>
    public static WebApplication MapProcessPathsNotRelayed(this WebApplication app)
    {
        static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        app.Map("/metrics/{**rest}", NotFound)
            .DisableHttpMetrics();
        app.Map("/health/{**rest}", NotFound)
            .DisableHttpMetrics();
        return app;
    }
}
