using Xunit;

namespace ProductStore.TestSupport.ApiContract;

/// <summary>
/// The npm tools API users check a contract with, installed by `npm ci` in tests/ApiContract (.ci/run does it):
/// missing, a test skips on a developer machine and fails in CI.
/// </summary>
public static class ApiTools
{
    public static string Require(string tool)
    {
        if (Find(tool) is { } path) return path;
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"{tool} is not installed; .ci/run runs npm ci in tests/ApiContract.");
        Assert.Skip($"{tool} is not installed: run npm ci in tests/ApiContract.");
        return "";
    }

    /// <summary>The tool's path, or null when npm ci has not installed it.</summary>
    public static string? Find(string tool) =>
        Repository.PathTo("tests", "ApiContract", "node_modules", ".bin", tool) is var path && File.Exists(path) ? path : null;

    /// <summary>Why a fixture that needs the tool cannot run here (it skips), or null; in CI a missing tool fails instead.</summary>
    public static string? Missing(string tool) =>
        Find(tool) is null && Environment.GetEnvironmentVariable("CI") != "true" ? $"{tool} is not installed: run npm ci in tests/ApiContract." : null;

    /// <summary>redocly lint with its recommended rules; returns the error count and the report.</summary>
    public static async Task<(int Errors, string Report)> LintAsync(string documentJson)
    {
        var redocly = Require("redocly");
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, documentJson);
        try
        {
            var (exitCode, output) = await Tools.RunAsync(redocly, ["lint", file, "--format=stylish"],
                environment: [new("REDOCLY_TELEMETRY", "off"), new("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true")]);
            var errors = output.Split('\n').Count(line => line.Contains("error", StringComparison.Ordinal) && line.Contains("  ", StringComparison.Ordinal));
            return (exitCode == 0 ? 0 : Math.Max(errors, 1), output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
