using ProductStore.TestSupport;
using System.Diagnostics;
using System.Text;

namespace ProductStore.Observability.Tests;

/// <summary>
/// A real Prometheus server on a free loopback port with its own temporary configuration and storage.
/// Disposing kills it and deletes both.
/// </summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log = new();

    private PrometheusProcess(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
        Api = new PrometheusApi(address);
    }

    public Uri Address { get; }

    public PrometheusApi Api { get; }

    /// <summary>Prometheus' own output so far, for failure messages.</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Starts Prometheus with the given configuration (YAML) and waits until it is ready.</summary>
    public static async Task<PrometheusProcess> StartAsync(string configuration, TimeSpan? readyTimeout = null)
    {
        var executable = Tools.Require("prometheus");
        var directory = Directory.CreateTempSubdirectory("productstore-prometheus-").FullName;
        var configFile = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(configFile, configuration);
        var port = FreePort.Next();
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            $"--config.file={configFile}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
        }) startInfo.ArgumentList.Add(argument);

        var process = new Process { StartInfo = startInfo };
        var prometheus = new PrometheusProcess(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => prometheus.Append(e.Data);
        process.ErrorDataReceived += (_, e) => prometheus.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await prometheus.WaitUntilReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(30));
            return prometheus;
        }
        catch
        {
            await prometheus.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Prometheus exited with {_process.ExitCode}:\n{Log}");
            if (await Api.IsReadyAsync()) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Prometheus was not ready within {timeout}:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying child: the temp folder is cleaned by the OS eventually.
        }
    }
}
