using ProductStore.AppHost.Publish;
using ProductStore.TestSupport;

namespace ProductStore.Deploy.Tests;

public sealed class PublishTests
{
    public static TheoryData<string> Targets => ["compose", "kubernetes"];

    [Theory]
    [MemberData(nameof(Targets))]
    public void The_committed_copy_equals_a_fresh_publish(string target)
    {
        var committed = Path.Combine(Published.RepositoryRoot, "deploy", target);
        var fresh = Published.Fresh(target);

        var onDisk = Directory.Exists(committed)
            ? Directory.EnumerateFiles(committed, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(committed, f).Replace('\\', '/'))
                .Where(p => p != PublishedFiles.ListFile).Order(StringComparer.Ordinal).ToList()
            : [];
        var hint = $"deploy/{target} is stale: run `dotnet run --project src/AppHost -- publish {target} --output deploy/{target}`";
        Assert.True(fresh.Files.Keys.SequenceEqual(onDisk), $"{hint} (files differ: {string.Join(", ", fresh.Files.Keys.Except(onDisk).Concat(onDisk.Except(fresh.Files.Keys)))})");
        foreach (var (path, content) in fresh.Files)
            Assert.True(content.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(committed, path))), $"{hint} ({path} differs)");
    }

    [Fact]
    public async Task The_committed_Aspire_manifest_equals_a_fresh_one()
    {
        // Beside the committed copy: the manifest's paths are relative to its folder (a leftover is gitignored).
        var fresh = Path.Combine(Published.RepositoryRoot, "deploy", $"aspire-manifest.{Guid.NewGuid():N}.fresh.json");
        try
        {
            var (exitCode, output) = await AppHostAsync("--publisher", "manifest", "--output-path", fresh);
            Assert.True(exitCode == 0, output);
            Assert.Equal(File.ReadAllText(Path.Combine(Published.RepositoryRoot, "deploy", "aspire-manifest.json")), File.ReadAllText(fresh));
        }
        finally
        {
            File.Delete(fresh);
        }
    }

    [Fact]
    public async Task The_publish_command_writes_the_committed_copy()
    {
        using var output = new TempFolder();
        var (exitCode, log) = await AppHostAsync("publish", "compose", "--output", output.Path);

        Assert.True(exitCode == 0, log);
        var written = Directory.EnumerateFiles(output.Path, "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(written);
        foreach (var file in written)
        {
            var committed = Path.Combine(Published.RepositoryRoot, "deploy", "compose", Path.GetRelativePath(output.Path, file));
            Assert.True(File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{file} differs from the committed copy");
        }
    }

    /// <summary>The AppHost's command line, as the README gives it (the test run has built it).</summary>
    private static Task<(int ExitCode, string Output)> AppHostAsync(params string[] arguments) =>
        Tools.RunAsync("dotnet", ["run", "--project", "src/AppHost", "--no-build", "--no-launch-profile", "--", .. arguments],
            workingDirectory: Published.RepositoryRoot);

    [Theory]
    [MemberData(nameof(Targets))]
    public void Publishing_twice_writes_the_same_bytes(string target)
    {
        using var first = Published.WriteFresh(target);
        using var second = Published.WriteFresh(target);

        var files = Directory.EnumerateFiles(first.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first.Path, f)).Order().ToList();
        Assert.NotEmpty(files);
        Assert.Equal(files, Directory.EnumerateFiles(second.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second.Path, f)).Order());
        foreach (var file in files) Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, file)), File.ReadAllBytes(Path.Combine(second.Path, file)));
    }

    [Fact]
    public void Publishing_again_removes_what_the_model_no_longer_produces_and_refuses_a_foreign_folder()
    {
        using var output = Published.WriteFresh("kubernetes");
        var smaller = new PublishedFiles();
        smaller.Add("namespace.yaml", "kind: Namespace\n");

        smaller.WriteTo(output.Path);

        Assert.False(File.Exists(Path.Combine(output.Path, "grafana.yaml")));
        Assert.True(File.Exists(Path.Combine(output.Path, "namespace.yaml")));

        using var foreign = new TempFolder();
        Directory.CreateDirectory(foreign.Path);
        File.WriteAllText(Path.Combine(foreign.Path, "notes.txt"), "mine");
        var error = Assert.Throws<InvalidOperationException>(() => smaller.WriteTo(foreign.Path));
        Assert.Contains("not empty", error.Message);
        Assert.True(File.Exists(Path.Combine(foreign.Path, "notes.txt")));
    }

    [Theory]
    [InlineData("grafana/dashboards", "grafana/dashboards")]
    [InlineData("prometheus/prometheus.yml", "prometheus/prometheus.yml")]
    [InlineData("alertmanager/alertmanager.yml", "alertmanager/alertmanager.yml")]
    public void A_missing_monitoring_source_fails_the_publish_by_name(string removed, string named)
    {
        using var root = new TempFolder();
        foreach (var folder in new[] { "prometheus", "alertmanager", "grafana" }) CopyFolder(Path.Combine(Published.RepositoryRoot, folder), Path.Combine(root.Path, folder));
        var path = Path.Combine(root.Path, removed);
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true); else File.Delete(path);

        foreach (var target in PublishCommand.Publishers.Values)
        {
            var error = Assert.Throws<FileNotFoundException>(() => target(Published.Model, root.Path));
            Assert.Contains(named, error.Message);
        }
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
