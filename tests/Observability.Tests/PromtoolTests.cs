using ProductStore.TestSupport;
namespace ProductStore.Observability.Tests;

/// <summary>Prometheus' own checks of our configuration, rules and rule unit tests.</summary>
public sealed class PromtoolTests
{
    [Fact]
    public async Task Prometheus_configuration_is_valid_and_loads_the_rules()
    {
        var promtool = Tools.Require("promtool");
        var (exitCode, output) = await Tools.RunAsync(promtool, ["check", "config", Repository.PrometheusConfig], workingDirectory: Repository.Root);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"SUCCESS: {Repository.Files(Path.Combine("prometheus", "rules"), "*.yml").Count()} rule files found", output);
    }

    [Fact]
    public async Task Rule_files_are_valid()
    {
        var promtool = Tools.Require("promtool");
        var (exitCode, output) = await Tools.RunAsync(promtool, ["check", "rules", .. Repository.Files(Path.Combine("prometheus", "rules"), "*.yml")], workingDirectory: Repository.Root);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Rule_unit_tests_pass()
    {
        var promtool = Tools.Require("promtool");
        var tests = Repository.Files(Path.Combine("prometheus", "tests"), "*.yml").ToArray();
        var (exitCode, output) = await Tools.RunAsync(promtool, ["test", "rules", .. tests], workingDirectory: Repository.Root);

        Assert.True(exitCode == 0, output);
        Assert.Equal(tests.Length, output.Split("SUCCESS").Length - 1);
    }
}
