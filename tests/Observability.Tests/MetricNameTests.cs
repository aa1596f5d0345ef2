using ProductStore.TestSupport;

namespace ProductStore.Observability.Tests;

/// <summary>Dashboards and alerts only use metric names the services (or Prometheus, or the Cassandra exporter) really export.</summary>
public sealed class MetricNameTests
{
    [Fact]
    public void Reading_promql_finds_metrics_but_not_functions_labels_or_keywords()
    {
        var names = PromQl.MetricNames("""
            histogram_quantile(0.99, sum by (job, le) (rate(http_server_request_duraton_seconds_bucket{job=~"cat.*", le!="x"}[5m])))
              / on(job) group_left sum(up) without (instance) > bool 0.5 and process_cpu_seconds_total offset 5m
            """);

        Assert.Equal(["http_server_request_duraton_seconds_bucket", "process_cpu_seconds_total", "up"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dashboard_queries_use_only_known_metrics()
    {
        var unknown = DashboardQueries.All()
            .SelectMany(q => PromQl.MetricNames(q.Expr).Where(n => !KnownMetrics.All.Contains(n)).Select(n => $"{q}: {n}"))
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Alert_rules_use_only_known_metrics()
    {
        var rules = AlertRules.All();
        var unknown = rules
            .SelectMany(r => PromQl.MetricNames(r.Expr).Where(n => !KnownMetrics.All.Contains(n)).Select(n => $"{r.Name}: {n}"))
            .ToList();

        Assert.NotEmpty(rules);
        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_business_metric_is_on_a_dashboard()
    {
        var used = DashboardQueries.All().SelectMany(q => PromQl.MetricNames(q.Expr)).ToHashSet();
        var missing = KnownMetrics.CountersAndGauges.Where(n => !used.Contains(n))
            .Concat(KnownMetrics.Histograms.Where(h => !used.Contains(h + "_bucket")))
            .Where(n => n.StartsWith("productstore_", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void The_sample_target_serves_every_known_metric()
    {
        var served = SampleScrapeTarget.Render(1).Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('{', ' ')[0])
            .ToHashSet();

        Assert.All(KnownMetrics.All.Where(n => n != "up"), name => Assert.Contains(name, served));
    }
}
