using ProductStore.AppHost.Hosting;

namespace ProductStore.AppHost.Publish;

/// <summary>
/// <c>dotnet run --project src/AppHost -- publish compose|kubernetes --output DIR</c>: manifests read from the Aspire model
/// in publish mode (Aspire's own Docker and Kubernetes publishers are not in our registry). The Aspire manifest comes
/// from Aspire itself: <c>-- --publisher manifest --output-path ../../deploy/aspire-manifest.json</c>.
/// </summary>
public static class PublishCommand
{
    private const string Usage = "usage: publish compose|kubernetes --output <dir>";

    public static IReadOnlyDictionary<string, Func<DeployedModel, string, PublishedFiles>> Publishers { get; } =
        new Dictionary<string, Func<DeployedModel, string, PublishedFiles>>
        {
            ["compose"] = ComposePublisher.Publish,
            ["kubernetes"] = KubernetesPublisher.Publish,
        };

    public static bool IsRequested(string[] args) => args is ["publish", ..];

    /// <summary>
    /// The arguments Aspire reads: our <c>publish</c> verb becomes publish mode, and <c>--no-monitoring</c> a setting
    /// (Aspire's command line takes only key-value pairs).
    /// </summary>
    public static string[] AspireArguments(string[] args) => args switch
    {
        ["publish", ..] => ["--operation", "publish"],
        _ => args.Select(a => a == "--no-monitoring" ? "--AppHost:Monitoring=false" : a).ToArray(),
    };

    public static async Task<int> RunAsync(IDistributedApplicationBuilder builder, string[] args)
    {
        if (args is not ["publish", var target, "--output", var output] || !Publishers.TryGetValue(target, out var publish))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        try
        {
            using var app = builder.Build();
            var model = await DeployedModel.ReadAsync(
                app.Services.GetRequiredService<DistributedApplicationModel>().Resources,
                app.Services.GetRequiredService<DistributedApplicationExecutionContext>(),
                builder.RepositoryRoot());
            var files = publish(model, builder.RepositoryRoot());
            // Relative to the repository, as the README writes it (dotnet run starts the AppHost in its own folder).
            var directory = Path.GetFullPath(output, builder.RepositoryRoot());
            files.WriteTo(directory);
            Console.WriteLine($"Published {files.Files.Count} files for {target} to {directory}.");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"publish {target} failed: {e.Message}");
            return 1;
        }
    }
}
