using System.Globalization;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests.Telemetry;

/// <summary>
/// The real services scraped by the real Prometheus at 1 s: after a realistic mix of traffic, every panel query of every
/// Grafana dashboard returns data, except the few that cannot in this run, named below.
/// </summary>
public sealed class DashboardQueryTests : IAsyncLifetime
{
    private const int AuthCallsAllowed = 20;

    /// <summary>Queries that cannot have data here, by a fragment of their expression; every other query must.</summary>
    private static readonly (string Fragment, string Reason)[] CannotHaveData =
    [
        // Read from Cassandra's exporter, which nothing runs here: the system runs on SQLite, Prometheus has no cassandra job.
        ("cassandra_", "Cassandra's own metrics"),
        // Failures of the system itself: a healthy run has none, and their series only exist once one has happened.
        ("http_response_status_code=~\"5..\"", "5xx responses"),
        ("outcome=\"error\"", "failed database calls"),
        ("outcome=\"failed\"", "failed checkouts"),
        ("productstore_gateway_upstream_errors_total", "failed upstream calls"),
        // Pushed by the scheduled Cassandra backup job, which only deployments run (run mode's SQLite has src/Backup).
        ("productstore_backup_", "the backup job's success time and duration"),
    ];

    private ProductStoreSystem? _system;

    public async ValueTask InitializeAsync()
    {
        Tools.Require("prometheus");
        _system = await ProductStoreSystem.StartAsync(options =>
        {
            options.Monitoring = true;
            // Low enough that a burst of logins meets the limit (429), high enough for the traffic before it.
            options.Set("gateway", "Gateway__RateLimits__Auth__TokenLimit", $"{AuthCallsAllowed}");
            options.Set("gateway", "Gateway__RateLimits__Auth__TokensPerPeriod", $"{AuthCallsAllowed}");
            options.Set("gateway", "Gateway__RateLimits__Auth__ReplenishmentPeriod", "00:10:00");
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }

    [Fact]
    public async Task Every_panel_query_of_every_dashboard_returns_data_after_real_traffic()
    {
        var system = _system!;
        using var prometheus = new PrometheusApi(system.Endpoint("prometheus"));
        var queries = DashboardQueries.All().ToList();
        Assert.All(CannotHaveData, rule => Assert.Contains(queries, q => q.Expr.Contains(rule.Fragment, StringComparison.Ordinal)));

        // Two rounds with a scrape between them: a series is born at its first count, and rate() needs it to grow after that.
        await ShopTraffic.ShopAsync(system);
        await WaitForScrapeOfEveryTargetAsync(prometheus);
        await ShopTraffic.ShopAsync(system);
        await ShopTraffic.HitLoginLimitAsync(system, maxAttempts: AuthCallsAllowed);

        var failures = await PrometheusApi.UntilAllPassAsync(queries, async query =>
        {
            var result = await prometheus.QueryAsync(query.Expr);
            return Reason(query) is null ? result.Gap : result.Status == "success" ? null : $"{result.Status}: {result.Error}";
        }, TimeSpan.FromSeconds(30));

        var excluded = queries.Where(q => Reason(q) is not null).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{queries.Count} panel queries, {excluded.Count} allowed to be empty:\n" + string.Join("\n", excluded.Select(q => $"  {q} ({Reason(q)})")));
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {queries.Count} panel queries have no data:\n" + string.Join("\n", failures.Select(f => $"{f.Key} -> {f.Value}")));
    }

    private static string? Reason(DashboardQuery query) =>
        CannotHaveData.FirstOrDefault(rule => query.Expr.Contains(rule.Fragment, StringComparison.Ordinal)).Reason;

    /// <summary>
    /// A process answers scrapes from a copy of its metrics kept up to this long (ServiceDefaults' Prometheus exporter,
    /// ScrapeResponseCacheDurationMilliseconds): a scrape this much after now holds only what was counted after now.
    /// </summary>
    private static readonly TimeSpan ScrapeCopyKept = TimeSpan.FromSeconds(1);

    /// <summary>Waits until Prometheus has scraped every target's metrics as they are now, so every series born so far is stored.</summary>
    private static async Task WaitForScrapeOfEveryTargetAsync(PrometheusApi prometheus)
    {
        // A scrape soon after now may still get a copy made before the traffic; one made after it comes a copy's age later.
        var since = ((DateTimeOffset.UtcNow + ScrapeCopyKept).ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);
        var failures = await PrometheusApi.UntilAllPassAsync(["every target"], async _ =>
        {
            // Five services and the storefront.
            var result = await prometheus.QueryAsync($"count(up == 1 and timestamp(up) > {since}) == 6");
            return result.Series.Count == 1 ? null : "not all six targets scraped (and up) since the first round";
        }, TimeSpan.FromSeconds(20));
        Assert.Empty(failures);
    }
}
