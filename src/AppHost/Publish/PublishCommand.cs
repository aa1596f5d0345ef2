using ProductStore.AppHost.Model;

namespace ProductStore.AppHost.Publish;

/// <summary><c>dotnet run --project src/AppHost -- publish compose|kubernetes --output DIR</c>: manifests from the same model run mode uses.</summary>
public static class PublishCommand
{
    private const string Usage = "usage: publish compose|kubernetes --output <dir>";

    public static IReadOnlyDictionary<string, Func<AppModel, string, PublishedFiles>> Publishers { get; } =
        new Dictionary<string, Func<AppModel, string, PublishedFiles>>
        {
            ["compose"] = ComposePublisher.Publish,
            ["kubernetes"] = KubernetesPublisher.Publish,
        };

    public static int Run(IReadOnlyList<string> args, AppModel model, string repositoryRoot)
    {
        if (args is not [var target, "--output", var output] || !Publishers.TryGetValue(target, out var publish))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        try
        {
            var files = publish(model, repositoryRoot);
            var directory = Path.GetFullPath(output);
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
