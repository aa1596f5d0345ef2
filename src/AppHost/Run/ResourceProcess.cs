using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ProductStore.AppHost.Run;

/// <summary>One child process: its output goes line by line to a sink and to a short memory for error reports.</summary>
internal sealed partial class ResourceProcess : IAsyncDisposable
{
    private const int RememberedLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _recentLines = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ResourceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public Task Exited => _exited.Task;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static ResourceProcess Start(string name, ProcessStartInfo startInfo, Action<string, string> log)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var resource = new ResourceProcess(name, process);
        process.OutputDataReceived += (_, e) => resource.OnLine(e.Data, log);
        process.ErrorDataReceived += (_, e) => resource.OnLine(e.Data, log);
        process.Exited += (_, _) => resource._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return resource;
    }

    public string RecentOutput()
    {
        lock (_recentLines) return string.Join(Environment.NewLine, _recentLines);
    }

    /// <summary>SIGTERM first so in-flight requests finish and databases close; a kill only after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        if (OperatingSystem.IsWindows() || Kill(_process.Id, SigTerm) != 0) _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private void OnLine(string? line, Action<string, string> log)
    {
        if (line is null) return;
        lock (_recentLines)
        {
            if (_recentLines.Count == RememberedLines) _recentLines.Dequeue();
            _recentLines.Enqueue(line);
        }
        log(Name, line);
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
