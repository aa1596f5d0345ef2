using System.Diagnostics;

namespace ProductStore.AppHost.Hosting;

public static class ReadyBanner
{
    /// <summary>One line when the gateway is ready: where shoppers go and where the dashboard is, next to each other.</summary>
    public static IResourceBuilder<ServiceProjectResource> PrintWhenReady(this IResourceBuilder<ServiceProjectResource> gateway)
    {
        var started = Stopwatch.StartNew();
        var configuration = gateway.ApplicationBuilder.Configuration;
        return gateway.OnResourceReady((resource, _, _) =>
        {
            var url = $"http://127.0.0.1:{resource.Annotations.OfType<EndpointAnnotation>().First().Port}";
            var dashboard = configuration["ASPNETCORE_URLS"]?.Split(';')[0];
            Console.WriteLine($"ProductStore is ready in {started.Elapsed.TotalSeconds:0.0} s. Shoppers use the gateway: {url}/api/... (API docs: {url}/swagger)");
            if (dashboard is { Length: > 0 }) Console.WriteLine($"The Aspire dashboard (resources, logs, traces, metrics): {dashboard}");
            return Task.CompletedTask;
        });
    }
}
