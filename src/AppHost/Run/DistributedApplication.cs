using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using ProductStore.AppHost.Model;

namespace ProductStore.AppHost.Run;

/// <summary>
/// Run mode: every resource of the model as a local process, started after what it references is ready,
/// stopped in reverse order. Tests use it the same way the AppHost's command line does.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly AppModel _model;
    private readonly RunSettings _settings;
    private readonly Dictionary<string, string> _clientSecrets;
    private readonly ConcurrentDictionary<string, ResourceProcess> _running = new();
    private readonly MonitoringLauncher _monitoring;

    private DistributedApplication(AppModel model, RunSettings settings)
    {
        _model = model;
        _settings = settings;
        // Fresh secrets every run: service tokens live minutes, so nothing needs them to outlive the processes.
        _clientSecrets = model.Projects.Where(p => p.UsesServiceToken)
            .ToDictionary(p => p.Name, _ => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        _monitoring = new MonitoringLauncher(model, settings);
        Resources = model.Projects.Concat(_monitoring.Available).ToList();
    }

    /// <summary>What this run starts: every project, and the monitoring servers found on this machine.</summary>
    public IReadOnlyList<Resource> Resources { get; }

    public IReadOnlyList<string> Notices => _monitoring.Notices;

    public static async Task<DistributedApplication> StartAsync(AppModel model, RunSettings settings, CancellationToken cancellationToken = default)
    {
        var app = new DistributedApplication(model, settings);
        try
        {
            await app.StartAllAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public Uri EndpointOf(string name) => new($"http://127.0.0.1:{_settings.PortOf(_model[name])}/");

    public string RecentOutput(string name) => _running.TryGetValue(name, out var process) ? process.RecentOutput() : "";

    public bool IsRunning(string name) => _running.TryGetValue(name, out var process) && process.ExitCode is null;

    /// <summary>Starts one resource (after a <see cref="StopResourceAsync"/>) and waits until it is ready.</summary>
    public async Task StartResourceAsync(string name, CancellationToken cancellationToken = default)
    {
        var resource = _model[name];
        var process = ResourceProcess.Start(name, StartInfo(resource), _settings.Log ?? ConsoleLog.Write);
        _running[name] = process;
        await WaitUntilReadyAsync(resource, process, cancellationToken);
    }

    /// <summary>Stops one resource gracefully; returns its exit code (0 after a clean shutdown), null when it was not running.</summary>
    public async Task<int?> StopResourceAsync(string name)
    {
        if (!_running.TryRemove(name, out var process)) return null;
        await process.StopAsync(_settings.StopTimeout);
        var exitCode = process.ExitCode;
        await process.DisposeAsync();
        return exitCode;
    }

    /// <summary>Reverse start order: the gateway stops taking requests before the services behind it go.</summary>
    public async Task StopAsync()
    {
        foreach (var resource in Resources.Reverse()) await StopResourceAsync(resource.Name);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Each resource starts as soon as everything it references is ready; independent ones start together.</summary>
    private async Task StartAllAsync(CancellationToken cancellationToken)
    {
        var started = new Dictionary<string, Task>();
        foreach (var resource in Resources)
        {
            var dependencies = resource.References.Where(started.ContainsKey).Select(r => started[r]).ToArray();
            started[resource.Name] = StartAfterAsync(resource, dependencies, cancellationToken);
        }
        await Task.WhenAll(started.Values);
    }

    private async Task StartAfterAsync(Resource resource, Task[] dependencies, CancellationToken cancellationToken)
    {
        await Task.WhenAll(dependencies);
        await StartResourceAsync(resource.Name, cancellationToken);
    }

    private ProcessStartInfo StartInfo(Resource resource)
    {
        if (resource.Kind == ResourceKind.Monitoring) return _monitoring.StartInfo(resource);

        var projectFile = Path.Combine(_settings.RepositoryRoot, resource.ProjectPath!);
        var projectDirectory = Path.GetDirectoryName(projectFile)!;
        var assembly = Path.Combine(projectDirectory, "bin", _settings.BuildConfiguration, TargetFrameworkFolder(),
            Path.GetFileNameWithoutExtension(projectFile) + ".dll");
        if (!File.Exists(assembly))
            throw new ResourceStartException(resource.Name, $"{assembly} does not exist; build the solution first (dotnet build).", "");

        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = projectDirectory };
        startInfo.ArgumentList.Add(assembly);
        foreach (var (name, value) in Environment(resource)) startInfo.Environment[name] = value;
        return startInfo;
    }

    internal SortedDictionary<string, string> Environment(Resource resource)
    {
        var environment = ServiceEnvironment.For(resource, _model,
            endpointOf: r => EndpointOf(r.Name).ToString().TrimEnd('/'),
            clientSecretOf: r => _clientSecrets[r.Name]);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_settings.PortOf(resource)}";
        environment["ASPNETCORE_ENVIRONMENT"] = _settings.AspNetCoreEnvironment;
        environment["DOTNET_ENVIRONMENT"] = _settings.AspNetCoreEnvironment;
        environment["Storage__DataDirectory"] = _settings.DataDirectory;
        if (_settings.Environment.TryGetValue(resource.Name, out var overrides))
        {
            foreach (var (name, value) in overrides) environment[name] = value;
        }
        return environment;
    }

    private async Task WaitUntilReadyAsync(Resource resource, ResourceProcess process, CancellationToken cancellationToken)
    {
        var health = new Uri(EndpointOf(resource.Name), resource.HealthPath);
        var deadline = Stopwatch.StartNew();
        string lastProblem = "no answer yet";
        while (deadline.Elapsed < _settings.StartTimeout)
        {
            if (process.ExitCode is { } code)
                throw new ResourceStartException(resource.Name, $"the process exited with code {code}.", process.RecentOutput());
            try
            {
                using var response = await Probe.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode) return;
                lastProblem = $"{health} answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                lastProblem = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastProblem = $"{health} did not answer within 2 s";
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new ResourceStartException(resource.Name,
            $"not ready after {_settings.StartTimeout.TotalSeconds:0} s ({lastProblem}).", process.RecentOutput());
    }

    private static string TargetFrameworkFolder() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
}
