using System.Diagnostics;
using Xunit;

namespace ProductStore.TestSupport;

/// <summary>Command-line tools CI installs (.ci/run): a missing one skips the test locally and fails it in CI.</summary>
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

    /// <summary>
    /// Runs a tool and returns its exit code and combined output; <paramref name="input"/> goes to its standard input,
    /// <paramref name="environment"/> is added to the variables it inherits.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string executable, IEnumerable<string> arguments,
        string? input = null, string? workingDirectory = null, IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? []) startInfo.Environment[name] = value;
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
