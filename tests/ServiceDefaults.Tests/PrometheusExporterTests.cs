using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using ProductStore.TestSupport;

namespace ProductStore.ServiceDefaults.Tests;

public sealed class PrometheusExporterTests(PrometheusScrapeFixture scrape) : IClassFixture<PrometheusScrapeFixture>
{
    // The exporter labels each series with the meter it comes from, so instruments of one name in two meters stay apart.
    private const string First = "otel_scope_name=\"ProductStore.Tests.Prometheus.First\"";
    private const string Second = "otel_scope_name=\"ProductStore.Tests.Prometheus.Second\"";

    private readonly string _text = scrape.Text;

    private string[] Lines(string prefix) => _text.Split('\n').Where(line => line.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

    [Fact]
    public void The_endpoint_answers_anonymously_in_text_format_0_0_4() =>
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", scrape.ContentType?.ToString());

    [Fact]
    public async Task The_output_passes_promtool_check_metrics()
    {
        var promtool = Tools.Require("promtool");
        var (exitCode, output) = await Tools.RunAsync(promtool, ["check", "metrics"], input: _text);
        Assert.True(exitCode == 0, $"promtool check metrics: {output}\n{_text}");
    }

    [Fact]
    public void Request_durations_are_a_histogram_by_route()
    {
        Assert.Single(Lines("# TYPE http_server_request_duration_seconds histogram"));
        var buckets = Lines("http_server_request_duration_seconds_bucket{").Where(line => line.Contains("http_route=\"/widgets/{id:int}\"")).ToArray();
        Assert.Contains(buckets, line => line.Contains("http_request_method=\"GET\"") && line.Contains("http_response_status_code=\"200\"")
            && line.Contains("le=\"+Inf\"} 3"));
    }

    [Fact]
    public void Counters_end_in_total_and_carry_their_sanitized_labels()
    {
        Assert.Single(Lines("# TYPE productstore_tests_widgets_total counter"));
        Assert.Equal(2, PrometheusScrapeFixture.Value(_text, $"productstore_tests_widgets_total{{{First},kind=\"plain\",widget_color=\"red\"}}"));
        Assert.Equal(512, PrometheusScrapeFixture.Value(_text, $"productstore_tests_payload_bytes_total{{{First},status=\"200\"}}"));
        Assert.Equal(1.5, PrometheusScrapeFixture.Value(_text, $"productstore_tests_requests_total{{{First},retried=\"true\"}}"));
    }

    [Fact]
    public void Label_values_and_help_text_are_escaped()
    {
        Assert.Equal(1, PrometheusScrapeFixture.Value(_text, $"productstore_tests_widgets_total{{{First},kind=\"say \\\"hi\\\" \\\\ to\\nyou\",widget_color=\"blue\"}}"));
        Assert.Contains("\n# HELP productstore_tests_widgets_total Widgets made.\\nBy kind \\\\ color.\n", _text);
        Assert.DoesNotContain(PrometheusScrapeFixture.Escaped, _text);
    }

    [Fact]
    public void Histogram_buckets_are_cumulative_and_end_at_the_count()
    {
        var buckets = Lines($"productstore_tests_latency_seconds_bucket{{{First},operation=\"read\",le=")
            .Select(line => Regex.Match(line, "le=\"([^\"]+)\"} (\\d+)$"))
            .Select(match => (Bound: match.Groups[1].Value, Count: long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToArray();
        var samples = PrometheusScrapeFixture.LatencySamples;
        var expected = new[] { "0.1", "0.5", "1", "+Inf" }.Select(bound => (bound, (long)samples.Count(s => bound == "+Inf" || s <= double.Parse(bound, CultureInfo.InvariantCulture))));

        Assert.Equal(expected, buckets);
        Assert.True(buckets.Zip(buckets.Skip(1)).All(pair => pair.First.Count <= pair.Second.Count));
        Assert.Equal(buckets[^1].Count, PrometheusScrapeFixture.Value(_text, $"productstore_tests_latency_seconds_count{{{First},operation=\"read\"}}"));
        Assert.Equal(samples.Sum(), PrometheusScrapeFixture.Value(_text, $"productstore_tests_latency_seconds_sum{{{First},operation=\"read\"}}"), 9);
        Assert.Single(Lines("# TYPE productstore_tests_latency_seconds histogram"));
    }

    [Theory]
    [InlineData("productstore_tests_wait_seconds", "histogram")]
    [InlineData("productstore_tests_utilization", "gauge")]
    [InlineData("productstore_tests_queue_depth", "gauge")]
    [InlineData("productstore_tests_unbounded", "gauge")]
    [InlineData("productstore_tests_item_count_current", "gauge")]
    public void Units_become_suffixes_once_up_down_counters_become_gauges_and_current_counts_are_renamed(string name, string type) =>
        Assert.Single(Lines($"# TYPE {name} {type}"));

    [Fact]
    public void Gauges_report_their_current_value()
    {
        Assert.Equal(3, PrometheusScrapeFixture.Value(_text, $"productstore_tests_queue_depth{{{First}}}"));
        Assert.Equal(0.25, PrometheusScrapeFixture.Value(_text, $"productstore_tests_utilization{{{First}}}"));
        Assert.Equal(4, PrometheusScrapeFixture.Value(_text, $"productstore_tests_item_count_current{{{First}}}"));
        Assert.Single(Lines($"productstore_tests_unbounded{{{First}}} +Inf"));
    }

    [Fact]
    public void Instruments_with_one_name_share_one_family_and_each_meter_keeps_its_series()
    {
        Assert.Single(Lines("# TYPE productstore_tests_shared_total "));
        Assert.Single(Lines("# HELP productstore_tests_shared_total "));
        Assert.Equal(1, PrometheusScrapeFixture.Value(_text, $"productstore_tests_shared_total{{{First},source=\"first\"}}"));
        Assert.Equal(1, PrometheusScrapeFixture.Value(_text, $"productstore_tests_shared_total{{{Second},source=\"second\"}}"));
        // The series both report stays two series, one per meter, so Prometheus sees no duplicate.
        Assert.Equal(1, PrometheusScrapeFixture.Value(_text, $"productstore_tests_shared_total{{{First},source=\"both\"}}"));
        Assert.Equal(5, PrometheusScrapeFixture.Value(_text, $"productstore_tests_shared_total{{{Second},source=\"both\"}}"));

        Assert.Single(Lines("# TYPE productstore_tests_sizes_bytes histogram"));
        Assert.Equal(1, PrometheusScrapeFixture.Value(_text, $"productstore_tests_sizes_bytes_bucket{{{First},source=\"first\",le=\"10\"}}"));
        Assert.Equal(0, PrometheusScrapeFixture.Value(_text, $"productstore_tests_sizes_bytes_bucket{{{Second},source=\"second\",le=\"10\"}}"));
        Assert.Equal(1, PrometheusScrapeFixture.Value(_text, $"productstore_tests_sizes_bytes_bucket{{{Second},source=\"second\",le=\"100\"}}"));
        Assert.Equal(1, PrometheusScrapeFixture.Value(_text, $"productstore_tests_sizes_bytes_bucket{{{Second},source=\"second\",le=\"+Inf\"}}"));
    }

    [Fact]
    public void A_gauge_and_a_counter_of_one_name_are_both_left_out_rather_than_declared_twice()
    {
        // OpenTelemetry's exporter drops a name claimed by two kinds of instrument (our own exporter kept the first);
        // no instrument of ours collides, and the scrape stays one Prometheus accepts.
        Assert.DoesNotContain("productstore_tests_clash", _text);
    }

    [Fact]
    public void Process_metrics_are_reported_once()
    {
        Assert.Single(Lines("# TYPE process_cpu_seconds_total counter"));
        Assert.True(PrometheusScrapeFixture.Value(_text, "process_cpu_seconds_total{otel_scope_name=\"ProductStore.Process\"}") > 0);
        Assert.True(PrometheusScrapeFixture.Value(_text, "process_resident_memory_bytes{otel_scope_name=\"ProductStore.Process\"}") > 1 << 20);
        Assert.True(PrometheusScrapeFixture.Value(_text, "process_memory_limit_bytes{otel_scope_name=\"ProductStore.Process\"}") > 1 << 20);
        var started = DateTimeOffset.FromUnixTimeMilliseconds((long)(PrometheusScrapeFixture.Value(_text, "process_start_time_seconds{otel_scope_name=\"ProductStore.Process\"}") * 1000));
        Assert.InRange(started, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public void Runtime_and_server_metrics_follow_the_contract_names()
    {
        Assert.Single(Lines("# TYPE dotnet_gc_collections_total counter"));
        Assert.Single(Lines("# TYPE dotnet_process_cpu_time_seconds_total counter"));
        Assert.Single(Lines("# TYPE dotnet_process_memory_working_set_bytes gauge"));
        Assert.Single(Lines("# TYPE kestrel_active_connections gauge"));
        Assert.Single(Lines("# TYPE http_server_active_requests gauge"));
        Assert.Single(Lines("# TYPE dotnet_thread_pool_queue_length gauge"));
        // A gauge may not be named like a histogram's _count series (promtool rejects it): a View renames it.
        Assert.Single(Lines("# TYPE dotnet_thread_pool_thread_count_current gauge"));
        Assert.Empty(Lines("dotnet_thread_pool_thread_count{"));
    }

    [Fact]
    public void The_buffer_pool_meter_is_not_listened_to()
    {
        // Served traffic rents buffers, so a listened meter would show; the hosting meter beside it proves traffic ran.
        Assert.Contains("http_server_request_duration_seconds_bucket{", _text);
        Assert.DoesNotContain("aspnetcore_memory_pool_", _text);
    }

    [Fact]
    public async Task Milliseconds_get_their_suffix()
    {
        using var meter = new Meter("ProductStore.Tests.Prometheus.Milliseconds");
        await using var app = await TestApp.StartAsync(_ => { });
        meter.CreateHistogram<double>("productstore.tests.render", "ms", "Render time.").Record(12);

        var (text, _) = await PrometheusScrapeFixture.ScrapeUntilAsync(app.Client, text => text.Contains("productstore_tests_render"));

        Assert.Equal(12, PrometheusScrapeFixture.Value(text, "productstore_tests_render_milliseconds_sum{otel_scope_name=\"ProductStore.Tests.Prometheus.Milliseconds\"}"));
    }

    [Fact]
    public async Task A_scrape_is_served_from_cache_for_a_second_and_scrapes_are_not_measured()
    {
        using var meter = new Meter("ProductStore.Tests.Prometheus.Cache");
        await using var app = await TestApp.StartAsync(_ => { });
        var counter = meter.CreateCounter<long>("productstore.tests.cached", "{call}", "Calls.");
        counter.Add(1);
        var first = await app.Client.GetStringAsync("/metrics");
        counter.Add(1);
        var cached = await app.Client.GetStringAsync("/metrics");
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var fresh = await app.Client.GetStringAsync("/metrics");

        const string Cached = "productstore_tests_cached_total{otel_scope_name=\"ProductStore.Tests.Prometheus.Cache\"}";
        Assert.Equal(1, PrometheusScrapeFixture.Value(first, Cached));
        Assert.Equal(first, cached);
        Assert.Equal(2, PrometheusScrapeFixture.Value(fresh, Cached));
        Assert.DoesNotContain(fresh.Split('\n'), line => line.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && line.Contains("http_route=\"/metrics\""));
    }
}
