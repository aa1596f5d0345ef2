using System.Diagnostics;

namespace ProductStore.EndToEnd.Tests.Telemetry;

/// <summary>Command-line tools CI installs (.ci/run): missing ones skip a test locally and fail it in CI.</summary>
public static class Tools
{
    public static string Require(string executable)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, executable)).FirstOrDefault(File.Exists);
        if (path is not null) return path;
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"{executable} is not installed; .ci/run installs it.");
        Assert.Skip($"{executable} is not installed (apt-get install prometheus prometheus-alertmanager).");
        return "";
    }

    /// <summary>Runs a tool with standard input and returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string executable, IEnumerable<string> arguments, string? input = null)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
