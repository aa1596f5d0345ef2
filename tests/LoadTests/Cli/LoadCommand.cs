using System.CommandLine;
using System.CommandLine.Parsing;
using ProductStore.LoadTests.Runner;
using ProductStore.LoadTests.Scenarios;
using ProductStore.LoadTests.Stats;

namespace ProductStore.LoadTests.Cli;

/// <summary>
/// The command line: which scenarios, how hard, for how long, and the thresholds that decide the exit code
/// (0 passed, 1 a threshold broke, 2 setup failed).
/// </summary>
public static class LoadCommand
{
    public const int SetupFailed = 2;

    private static readonly Option<Uri> Target = new("--target")
    {
        Description = "The gateway's base address",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:8080"),
        CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) ? uri : Error<Uri>(result, "--target must be an absolute URL."),
    };

    private static readonly Option<string[]> ScenarioNames = new("--scenario")
    {
        Description = $"Comma-separated scenarios: {string.Join(", ", Scenarios.Scenarios.ByName.Keys)}",
        DefaultValueFactory = _ => ["browse"],
        CustomParser = result => result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
    };

    private static readonly Option<int?> Rate = new("--rate") { Description = "Iterations per second per scenario (open model); without it, --concurrency looping users (closed model)" };
    private static readonly Option<TimeSpan> RampUp = DurationOption("--ramp-up", "With --rate: time to ramp from 0 to the rate first", TimeSpan.Zero);
    private static readonly Option<TimeSpan> Duration = DurationOption("--duration", "Measured time per scenario (30s, 2m, ...)", TimeSpan.FromSeconds(60));
    private static readonly Option<TimeSpan> WarmUp = DurationOption("--warmup", "Unmeasured load before the measured time", TimeSpan.FromSeconds(5));
    private static readonly Option<int> Concurrency = new("--concurrency") { Description = "Concurrent users per scenario (closed model)", DefaultValueFactory = _ => 10 };
    private static readonly Option<int> Users = new("--users") { Description = "Users registered in setup (shopper pool, login-storm accounts)", DefaultValueFactory = _ => 20 };
    private static readonly Option<int> DiscoveryPages = new("--discovery-pages")
    {
        Description = "Catalog pages (100 products each) that browse, shopper and admin-mixed draw products from; more pages spread long runs' orders over more stock",
        DefaultValueFactory = _ => new LoadOptions().DiscoveryPages,
    };
    private static readonly Option<string> ReportDir = new("--report-dir") { Description = "Folder for the JSON, Markdown and HTML reports", DefaultValueFactory = _ => "load-reports" };
    private static readonly Option<string?> AdminEmail = new("--admin-email")
    {
        Description = "admin-mixed: the admin's email (default: env PRODUCTSTORE_ADMIN_EMAIL)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PRODUCTSTORE_ADMIN_EMAIL"),
    };
    private static readonly Option<string?> AdminPassword = new("--admin-password")
    {
        Description = "admin-mixed: the admin's password (default: env PRODUCTSTORE_ADMIN_PASSWORD)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PRODUCTSTORE_ADMIN_PASSWORD"),
    };
    private static readonly Option<int> WritePercent = new("--write-percent") { Description = "admin-mixed: percent of iterations that write", DefaultValueFactory = _ => 10 };
    private static readonly Option<string> RoutePath = new("--path") { Description = "route: the path every iteration gets", DefaultValueFactory = _ => new LoadOptions().Path };
    private static readonly Option<double?> MaxP99Ms = new("--max-p99-ms") { Description = "Threshold: p99 latency of OK iterations below this, per scenario" };
    private static readonly Option<double?> MaxStepP99Ms = new("--max-step-p99-ms") { Description = "Threshold: p99 latency of every step's OK requests below this, per scenario (iterations may include think time)" };
    private static readonly Option<double?> MaxFailPercent = new("--max-fail-percent") { Description = "Threshold: failed iterations at most this percent, per scenario" };
    private static readonly Option<double?> Max5xxPercent = new("--max-5xx-percent") { Description = "Threshold: iterations ending in a 5xx at most this percent, per scenario" };

    public static RootCommand Create()
    {
        var command = new RootCommand("ProductStore load runner: scenarios against the gateway, with thresholds and reports.")
        {
            Target, ScenarioNames, Rate, RampUp, Duration, WarmUp, Concurrency, Users, DiscoveryPages, ReportDir, AdminEmail, AdminPassword, WritePercent, RoutePath,
            MaxP99Ms, MaxStepP99Ms, MaxFailPercent, Max5xxPercent,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(ScenarioNames)?.FirstOrDefault(name => !Scenarios.Scenarios.ByName.ContainsKey(name)) is { } unknown)
                result.AddError($"Unknown scenario '{unknown}'; use {string.Join(", ", Scenarios.Scenarios.ByName.Keys)}.");
        });
        MustBePositive(Rate, rate => rate is null or > 0);
        MustBePositive(Concurrency, copies => copies > 0);
        MustBePositive(Users, users => users > 0);
        MustBePositive(DiscoveryPages, pages => pages > 0);
        MustBePositive(Duration, duration => duration > TimeSpan.Zero);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = new LoadOptions
        {
            Rate = parse.GetValue(Rate), RampUp = parse.GetValue(RampUp), Concurrency = parse.GetValue(Concurrency),
            Duration = parse.GetValue(Duration), WarmUp = parse.GetValue(WarmUp), Users = parse.GetValue(Users),
            AdminEmail = parse.GetValue(AdminEmail), AdminPassword = parse.GetValue(AdminPassword), WritePercent = parse.GetValue(WritePercent),
            Path = parse.GetValue(RoutePath)!, DiscoveryPages = parse.GetValue(DiscoveryPages),
        };
        using var http = StoreHttp.CreateClient(parse.GetValue(Target)!);
        try
        {
            var scenarios = parse.GetValue(ScenarioNames)!.Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(name => Scenarios.Scenarios.ByName[name](http, options)).ToArray();
            var stats = await LoadRunner.RegisterScenarios(scenarios)
                .WithThresholds(scenarios.SelectMany(s => Thresholds(s.Name, parse)).ToArray())
                .WithReportFolder(parse.GetValue(ReportDir)!)
                .RunAsync(cancellationToken);
            return stats.ExitCode;
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException
                                          || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await Console.Error.WriteLineAsync($"Setup failed: {exception.Message}");
            return SetupFailed;
        }
    }

    private static IEnumerable<Threshold> Thresholds(string scenario, ParseResult parse)
    {
        if (parse.GetValue(MaxP99Ms) is { } p99)
            yield return new Threshold(scenario, $"p99 < {p99} ms", s => s.Ok.Latency.P99Ms < p99);
        if (parse.GetValue(MaxStepP99Ms) is { } stepP99)
            yield return new Threshold(scenario, $"every step p99 < {stepP99} ms", s => s.Steps.All(step => step.Ok.Latency.P99Ms < stepP99));
        // "At most": --max-fail-percent 0 means no failure at all, and must pass when there is none.
        if (parse.GetValue(MaxFailPercent) is { } fail)
            yield return new Threshold(scenario, $"fail <= {fail}%", s => s.Fail.Percent <= fail);
        if (parse.GetValue(Max5xxPercent) is { } serverErrors)
            yield return new Threshold(scenario, $"5xx <= {serverErrors}%", s => ServerErrorPercent(s) <= serverErrors);
    }

    private static double ServerErrorPercent(ScenarioStats stats) => stats.StatusCodes.Where(c => c.StatusCode >= 500).Sum(c => c.Percent);

    private static Option<TimeSpan> DurationOption(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => DurationParser.Parse(result.Tokens.Single().Value) ?? Error<TimeSpan>(result, $"{name}: use 30s, 500ms, 2m, 1h or hh:mm:ss."),
    };

    private static void MustBePositive<T>(Option<T> option, Func<T?, bool> isValid) =>
        option.Validators.Add(result =>
        {
            if (!isValid(result.GetValueOrDefault<T>())) result.AddError($"{option.Name} must be positive.");
        });

    private static T Error<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
