using System.Reflection;

namespace ProductStore.AppHost.Hosting;

/// <summary>What the AppHost reads from its own configuration (appsettings, environment, command line).</summary>
public static class AppHostSettings
{
    /// <summary>The folder holding ProductStore.sln: the AppHost project sits in src/AppHost.</summary>
    public static string RepositoryRoot(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));

    /// <summary>Each service keeps its SQLite file here (<c>AppHost:DataDirectory</c>, relative to the repository).</summary>
    public static string DataDirectory(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration["AppHost:DataDirectory"] ?? ".data", builder.RepositoryRoot());

    /// <summary>A resource's port: <c>Ports:&lt;name&gt;</c> overrides the topology's default, so two copies can run side by side.</summary>
    public static int PortOf(this IDistributedApplicationBuilder builder, string resource, int defaultPort) =>
        builder.Configuration.GetValue($"Ports:{resource}", defaultPort);

    /// <summary>ASPNETCORE_ENVIRONMENT of the services in run mode.</summary>
    public static string ServiceEnvironmentName(this IDistributedApplicationBuilder builder) =>
        builder.Configuration["AppHost:Environment"] ?? "Development";

    /// <summary>Extra variables for one resource: <c>Resources:orders:Environment:Orders__Progress__Shipped=00:00:02</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ExtraEnvironment(this IDistributedApplicationBuilder builder, string resource) =>
        builder.Configuration.GetSection($"Resources:{resource}:Environment").AsEnumerable(makePathsRelative: true)
            .Where(v => v.Value is not null)
            .Select(v => KeyValuePair.Create(v.Key.Replace(":", "__", StringComparison.Ordinal), v.Value!));

    /// <summary>Which build output of the services run mode starts: the AppHost's own configuration.</summary>
    public static string BuildConfiguration { get; } =
        typeof(AppHostSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";
}
