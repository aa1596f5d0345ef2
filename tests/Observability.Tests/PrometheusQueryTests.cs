using ProductStore.TestSupport;
using System.Text;

namespace ProductStore.Observability.Tests;

/// <summary>
/// A real Prometheus scrapes a fake target under every job of prometheus.yml at 1 s; every dashboard query must then
/// return data, and every alert rule must evaluate without error.
/// </summary>
public sealed class PrometheusQueryTests(PrometheusQueryTests.ScrapedPrometheus prometheus) : IClassFixture<PrometheusQueryTests.ScrapedPrometheus>
{
    [Fact]
    public async Task Every_dashboard_query_returns_data()
    {
        var server = await prometheus.ServerAsync();
        var queries = DashboardQueries.All().ToDictionary(q => q.ToString());
        var failures = await prometheus.WaitForAsync(queries.Keys.ToList(), async key => (await server.Api.QueryAsync(queries[key].Expr)).Gap);

        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{f.Key} -> {f.Value}")));
    }

    [Fact]
    public async Task Every_alert_rule_evaluates_without_error()
    {
        var server = await prometheus.ServerAsync();
        var failures = await prometheus.WaitForAsync(AlertRules.All().Select(r => r.Name).ToList(), async name =>
        {
            var rules = (await server.Api.GetJsonAsync("api/v1/rules")).GetProperty("data").GetProperty("groups").EnumerateArray()
                .SelectMany(g => g.GetProperty("rules").EnumerateArray());
            var rule = rules.FirstOrDefault(r => r.GetProperty("name").GetString() == name);
            if (rule.ValueKind == System.Text.Json.JsonValueKind.Undefined) return "not loaded";
            var health = rule.GetProperty("health").GetString();
            return health == "ok" ? null : $"{health}: {(rule.TryGetProperty("lastError", out var e) ? e.GetString() : "")}";
        });

        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{f.Key} -> {f.Value}")));
    }

    /// <summary>The fake target and a Prometheus scraping it under every job of the repository's configuration, started by the first test.</summary>
    public sealed class ScrapedPrometheus : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private SampleScrapeTarget? _target;
        private PrometheusProcess? _server;

        /// <summary>Started here rather than in a fixture initializer, so a missing Prometheus skips the tests instead of failing the class.</summary>
        public async Task<PrometheusProcess> ServerAsync()
        {
            Tools.Require("prometheus");
            await _gate.WaitAsync();
            try
            {
                _target ??= await SampleScrapeTarget.StartAsync();
                return _server ??= await PrometheusProcess.StartAsync(Configuration(_target.Target));
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>The repository's jobs and rules with every target replaced by the fake one, scraped and evaluated every second.</summary>
        private static string Configuration(string target)
        {
            var yaml = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:

                """);
            yaml.Append("  - '").Append(Repository.PathTo("prometheus", "rules", "*.yml")).Append("'\nscrape_configs:\n");
            foreach (var job in ScrapeJobs.All())
                yaml.Append($"  - job_name: {job.Name}\n    metrics_path: {job.MetricsPath}\n    static_configs:\n      - targets: ['{target}']\n");
            return yaml.ToString();
        }

        /// <summary>Retries the checks (null = passed) for up to 30 s; returns those still failing.</summary>
        public Task<Dictionary<string, string>> WaitForAsync(IReadOnlyList<string> keys, Func<string, Task<string?>> check) =>
            PrometheusApi.UntilAllPassAsync(keys, check, TimeSpan.FromSeconds(30));

        public async ValueTask DisposeAsync()
        {
            if (_server is not null) await _server.DisposeAsync();
            if (_target is not null) await _target.DisposeAsync();
            _gate.Dispose();
        }
    }
}
