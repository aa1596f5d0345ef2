using System.Diagnostics;
using ProductStore.LoadTests.Reports;
using ProductStore.LoadTests.Stats;
using Spectre.Console;

namespace ProductStore.LoadTests.Runner;

/// <summary>
/// Runs scenarios side by side: each one's Init first, then all loads at once with a live progress line, then Clean;
/// judges thresholds, prints the final table and writes the reports.
/// </summary>
public sealed class LoadRunner
{
    private readonly IReadOnlyList<ScenarioProps> _scenarios;
    private IReadOnlyList<Threshold> _thresholds = [];
    private string? _reportFolder;
    private IAnsiConsole? _console = AnsiConsole.Console;
    private TimeSpan _drainTimeout = TimeSpan.FromSeconds(10);

    private LoadRunner(IReadOnlyList<ScenarioProps> scenarios) => _scenarios = scenarios;

    public static LoadRunner RegisterScenarios(params ScenarioProps[] scenarios)
    {
        if (scenarios.Length == 0) throw new ArgumentException("Register at least one scenario.", nameof(scenarios));
        if (scenarios.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new ArgumentException($"Two scenarios are named '{duplicate.Key}'.", nameof(scenarios));
        return new LoadRunner(scenarios);
    }

    public LoadRunner WithThresholds(params Threshold[] thresholds)
    {
        _thresholds = [.. _thresholds, .. thresholds];
        return this;
    }

    /// <summary>Writes JSON, Markdown and HTML reports into this folder after the run.</summary>
    public LoadRunner WithReportFolder(string folder)
    {
        _reportFolder = folder;
        return this;
    }

    /// <summary>Where the progress line and the final table go; null keeps the run silent (tests).</summary>
    public LoadRunner WithConsole(IAnsiConsole? console)
    {
        _console = console;
        return this;
    }

    /// <summary>How long injected iterations still running at the end may take before they are cancelled.</summary>
    public LoadRunner WithDrainTimeout(TimeSpan timeout)
    {
        _drainTimeout = timeout;
        return this;
    }

    public async Task<LoadStats> RunAsync(CancellationToken cancellationToken = default)
    {
        foreach (var scenario in _scenarios.Where(s => s.Init is not null))
        {
            _console?.MarkupLineInterpolated($"[grey]setting up[/] {scenario.Name}");
            await scenario.Init!(cancellationToken);
        }
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var engines = _scenarios.Select(s => new ScenarioEngine(s, _drainTimeout)).ToList();
        // Task.Run once per scenario: the pacing loops then run on the thread pool, free of any caller's synchronization context.
        var runs = Task.WhenAll(engines.Select(engine => Task.Run(() => engine.RunAsync(cancellationToken), CancellationToken.None)));
        await ShowProgressAsync(engines, runs, clock);
        var scenarios = await runs;
        var elapsed = clock.Elapsed;
        foreach (var scenario in _scenarios.Where(s => s.Clean is not null))
            await scenario.Clean!(CancellationToken.None);

        var stats = new LoadStats(startedAt, elapsed, scenarios, _thresholds.Select(t => t.Evaluate(scenarios)).ToList());
        _console?.Write(ConsoleReport.Render(stats));
        if (_reportFolder is not null)
            foreach (var file in await LoadReports.WriteAsync(stats, _reportFolder, CancellationToken.None))
                _console?.MarkupLineInterpolated($"[grey]report:[/] {file}");
        return stats;
    }

    private async Task ShowProgressAsync(List<ScenarioEngine> engines, Task runs, Stopwatch clock)
    {
        if (_console is null)
        {
            await runs.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return;
        }
        await _console.Status().StartAsync("starting", async status =>
        {
            while (!runs.IsCompleted)
            {
                await Task.WhenAny(runs, Task.Delay(TimeSpan.FromSeconds(1)));
                status.Status(Markup.Escape(ProgressLine.Format(engines, clock.Elapsed)));
            }
        });
    }
}
