namespace ProductStore.TestSupport;

/// <summary>Paths in this repository (the monitoring configuration, the dashboards), found from the test binary upwards.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProductStore.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No ProductStore.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string PrometheusConfig => PathTo("prometheus", "prometheus.yml");

    public static string AlertmanagerConfig => PathTo("alertmanager", "alertmanager.yml");

    public static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(PathTo(folder), pattern).Order(StringComparer.Ordinal);
}
