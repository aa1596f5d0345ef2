using Aspire.Hosting;
using Aspire.Hosting.Testing;
using ProductStore.AppHost.Publish;
using ProductStore.TestSupport;
using YamlDotNet.RepresentationModel;

namespace ProductStore.Deploy.Tests;

/// <summary>Fresh publishes of the repository's model, in memory and on disk, and their YAML documents.</summary>
public static class Published
{
    public static readonly string RepositoryRoot = Repository.Root;

    /// <summary>The AppHost's model in publish mode, read the way <c>publish compose|kubernetes</c> reads it.</summary>
    public static readonly DeployedModel Model = Task.Run(ReadModel).GetAwaiter().GetResult();

    public static PublishedFiles Fresh(string target) => PublishCommand.Publishers[target](Model, RepositoryRoot);

    /// <summary>A fresh publish written to a new temporary folder (deleted by the caller's <see cref="TempFolder"/>).</summary>
    public static TempFolder WriteFresh(string target)
    {
        var folder = new TempFolder();
        Fresh(target).WriteTo(folder.Path);
        return folder;
    }

    // Off the test's thread, and touching none of this class's statics: its initializer waits for the result.
    private static async Task<DeployedModel> ReadModel()
    {
        using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(["--operation", "publish"]);
        return await DeployedModel.ReadAsync(builder.Resources, new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), Repository.Root);
    }

    public static string Text(PublishedFiles files, string path) => System.Text.Encoding.UTF8.GetString(files.Files[path]);

    public static IReadOnlyList<YamlMappingNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    /// <summary>Every Kubernetes object the kustomization lists (secrets.yaml included: it is applied beside it).</summary>
    public static IReadOnlyList<YamlMappingNode> KubernetesObjects(PublishedFiles files) =>
        files.Files.Keys.Where(p => !p.Contains('/') && p.EndsWith(".yaml", StringComparison.Ordinal) && p != "kustomization.yaml")
            .SelectMany(p => Documents(Text(files, p))).ToList();
}

public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "deploy-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}

/// <summary>Navigation in YAML documents by key path; missing keys read as null.</summary>
public static class YamlPath
{
    public static YamlNode? At(this YamlNode? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node)) return null;
        }
        return node;
    }

    public static string? Text(this YamlNode? node, params string[] keys) => (node.At(keys) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode? node, params string[] keys) =>
        node.At(keys) is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<string> Keys(this YamlNode? node, params string[] keys) =>
        node.At(keys) is YamlMappingNode map ? map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!) : [];
}
