using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProductStore.ServiceDefaults.Tests;

/// <summary>
/// One service with instruments of every kind the exporter handles, some traffic, and one scrape of its /metrics.
/// Meters are process-wide, so each instrument name here is used by no other test.
/// </summary>
public sealed class PrometheusScrapeFixture : IAsyncLifetime
{
    public const string Escaped = "say \"hi\" \\ to\nyou";
    public static readonly double[] LatencySamples = [0.05, 0.3, 0.3, 0.7, 2];

    private readonly Meter _first = new("ProductStore.Tests.Prometheus.First");
    private readonly Meter _second = new("ProductStore.Tests.Prometheus.Second");
    private TestApp _app = null!;

    public string Text { get; private set; } = "";
    public MediaTypeHeaderValue? ContentType { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(app => app.MapGet("/widgets/{id:int}", (int id) => TypedResults.Ok(id)));
        Record();
        for (var id = 1; id <= 3; id++) (await _app.Client.GetAsync($"/widgets/{id}")).EnsureSuccessStatusCode();
        // The server records a request's duration just after the client has its response: scrape until it is there.
        (Text, ContentType) = await ScrapeUntilAsync(_app.Client, text => text.Contains("http_route=\"/widgets/{id:int}\""));
    }

    public static async Task<(string Text, MediaTypeHeaderValue? ContentType)> ScrapeUntilAsync(HttpClient client, Func<string, bool> done)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.GetAsync("/metrics");
            response.EnsureSuccessStatusCode();
            var text = await response.Content.ReadAsStringAsync();
            if (done(text) || attempt == 5) return (text, response.Content.Headers.ContentType);
            await Task.Delay(TimeSpan.FromSeconds(1.1)); // past the exporter's one-second cache
        }
    }

    private void Record()
    {
        var widgets = _first.CreateCounter<long>("productstore.tests.widgets", "{widget}", "Widgets made.\nBy kind \\ color.");
        widgets.Add(2, new("kind", "plain"), new("widget.color", "red"));
        widgets.Add(1, new("kind", Escaped), new("widget.color", "blue"));
        _first.CreateCounter<long>("productstore.tests.payload", "By", "Bytes received.").Add(512, new KeyValuePair<string, object?>("status", 200));
        _first.CreateCounter<double>("productstore.tests.requests_total", "{request}", "Requests.").Add(1.5, new KeyValuePair<string, object?>("retried", true));

        var latency = _first.CreateHistogram<double>("productstore.tests.latency", "s", "Latency.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1] });
        foreach (var sample in LatencySamples) latency.Record(sample, new KeyValuePair<string, object?>("operation", "read"));
        _first.CreateHistogram<double>("productstore.tests.wait_seconds", "s", "Wait.").Record(0.01);

        _first.CreateObservableGauge("productstore.tests.utilization", () => 0.25, "1", "Share of capacity in use.");
        _first.CreateObservableGauge("productstore.tests.unbounded", () => double.PositiveInfinity, "{item}", "An infinite gauge.");
        var depth = _first.CreateUpDownCounter<int>("productstore.tests.queue-depth", "{item}", "Items queued.");
        depth.Add(5);
        depth.Add(-2);
        _first.CreateUpDownCounter<int>("productstore.tests.item.count", "{item}", "Items held.").Add(4);

        // Same name in two meters: one family; the series both report is written once.
        var shared = _first.CreateCounter<long>("productstore.tests.shared", "{call}", "Calls.");
        shared.Add(1, new KeyValuePair<string, object?>("source", "first"));
        shared.Add(1, new KeyValuePair<string, object?>("source", "both"));
        var namesake = _second.CreateCounter<long>("productstore.tests.shared", "{call}", "Calls, again.");
        namesake.Add(1, new KeyValuePair<string, object?>("source", "second"));
        namesake.Add(5, new KeyValuePair<string, object?>("source", "both"));
        _first.CreateHistogram<long>("productstore.tests.sizes", "By", "Sizes.", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [10] })
            .Record(5, new KeyValuePair<string, object?>("source", "first"));
        _second.CreateHistogram<long>("productstore.tests.sizes", "By", "Sizes.", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [10, 100] })
            .Record(50, new KeyValuePair<string, object?>("source", "second"));
        // A gauge whose name collides with a counter's.
        _first.CreateCounter<long>("productstore.tests.clash", "{call}", "Counted calls.").Add(7);
        _second.CreateObservableGauge("productstore.tests.clash.total", () => 99, "{call}", "A gauge in the way.");
    }

    public static double Value(string text, string series)
    {
        var line = text.Split('\n').Single(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return double.Parse(line[(series.Length + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        _first.Dispose();
        _second.Dispose();
        await _app.DisposeAsync();
    }
}
