using ProductStore.TestSupport;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ProductStore.Observability.Tests;

/// <summary>The answer of Prometheus' /api/v1/query: status, result type and the series (or scalar) it returned.</summary>
public sealed record QueryResult(string Status, string? ResultType, IReadOnlyList<JsonElement> Series, string? Error)
{
    /// <summary>The sample values of a vector result ("NaN" and "+Inf" included, as Prometheus writes them).</summary>
    public IEnumerable<string> Values => Series.Select(s => s.GetProperty("value")[1].GetString()!);
}

/// <summary>
/// A real Prometheus server on a free loopback port with its own temporary configuration and storage.
/// Disposing kills it and deletes both.
/// </summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _http;

    private PrometheusProcess(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri Address { get; }

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

    /// <summary>Runs an instant query.</summary>
    public async Task<QueryResult> QueryAsync(string expr)
    {
        using var response = await _http.PostAsync("api/v1/query", new FormUrlEncodedContent([new("query", expr)]));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        var status = root.GetProperty("status").GetString()!;
        var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
        if (!root.TryGetProperty("data", out var data)) return new QueryResult(status, null, [], error);
        var resultType = data.GetProperty("resultType").GetString();
        var result = data.GetProperty("result");
        IReadOnlyList<JsonElement> series = resultType is "vector" or "matrix"
            ? result.EnumerateArray().Select(s => s.Clone()).ToList()
            : [JsonDocument.Parse($"{{\"value\":{result.GetRawText()}}}").RootElement.Clone()];
        return new QueryResult(status, resultType, series, error);
    }

    /// <summary>GETs an API path (e.g. api/v1/rules) and returns its JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var body = JsonDocument.Parse(await _http.GetStringAsync(path));
        return body.RootElement.Clone();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Prometheus exited with {_process.ExitCode}:\n{Log}");
            try
            {
                using var response = await _http.GetAsync("-/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
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
        _http.Dispose();
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
