namespace ProductStore.Observability.Tests;

/// <summary>Paths of the monitoring configuration in this repository, found from the test binary upwards.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ProductStore.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No ProductStore.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    public static string PathTo(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string PrometheusConfig => PathTo("prometheus", "prometheus.yml");

    public static string AlertmanagerConfig => PathTo("alertmanager", "alertmanager.yml");

    public static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(PathTo(folder), pattern).Order(StringComparer.Ordinal);
}
