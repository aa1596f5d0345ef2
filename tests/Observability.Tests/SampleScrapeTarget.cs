using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.TestSupport;

namespace ProductStore.Observability.Tests;

/// <summary>
/// A fake /metrics endpoint serving series for every known metric, with the label values the dashboards filter on.
/// Counters and histograms grow with every scrape, so rates, ratios and quantiles all have real values.
/// </summary>
public sealed class SampleScrapeTarget : IAsyncDisposable
{
    private const string Route = "http_route=\"/api/catalog/products\",http_request_method=\"GET\"";
    private const string Db = "db_system_name=\"sqlite\",db_operation_name=\"products.lookup\"";

    private static readonly (string Name, string Labels)[] Counters =
    [
        ("dotnet_process_cpu_time_seconds_total", "cpu_mode=\"user\""),
        ("dotnet_gc_collections_total", "gc_heap_generation=\"gen0\""),
        ("dotnet_exceptions_total", "error_type=\"System.InvalidOperationException\""),
        ("productstore_db_operations_total", Db + ",outcome=\"ok\""),
        ("productstore_db_operations_total", Db + ",outcome=\"error\""),
        ("productstore_registrations_total", ""),
        ("productstore_logins_total", "outcome=\"success\""),
        ("productstore_logins_total", "outcome=\"failure\""),
        ("productstore_logins_total", "outcome=\"throttled\""),
        ("productstore_cart_additions_total", ""),
        ("productstore_checkouts_total", "outcome=\"success\""),
        ("productstore_checkouts_total", "outcome=\"out_of_stock\""),
        ("productstore_checkouts_total", "outcome=\"failed\""),
        ("productstore_orders_created_total", "currency=\"EUR\""),
        ("productstore_orders_status_transitions_total", "from=\"pending\",to=\"paid\",automatic=\"true\""),
        ("productstore_stock_reservations_total", "outcome=\"reserved\""),
        ("productstore_stock_reservations_total", "outcome=\"refused\""),
        ("productstore_stock_reservations_refused_total", ""),
        ("productstore_products_created_total", ""),
        ("productstore_gateway_upstream_errors_total", "route=\"catalog\",cluster=\"catalog\",reason=\"connection_refused\""),
        ("productstore_gateway_rate_limited_total", "policy=\"per-client\""),
        ("process_cpu_seconds_total", ""),
        ("cassandra_client_request_failures_total", "operation=\"read\""),
        ("cassandra_client_request_timeouts_total", "operation=\"write\""),
    ];

    private static readonly (string Name, string Labels, double Value)[] Gauges =
    [
        ("http_server_active_requests", "http_request_method=\"GET\",url_scheme=\"http\"", 3),
        ("kestrel_active_connections", "network_transport=\"tcp\"", 5),
        ("dotnet_process_memory_working_set_bytes", "", 150e6),
        ("dotnet_thread_pool_queue_length", "", 2),
        ("productstore_orders_overdue_age_seconds", "status=\"paid\"", 42),
        ("process_resident_memory_bytes", "", 120e6),
        ("process_memory_limit_bytes", "", 1e9),
        ("process_start_time_seconds", "", 1.7e9),
        ("cassandra_table_estimated_pending_compactions", "keyspace=\"productstore\",table=\"orders\"", 4),
        ("productstore_backup_last_success_timestamp_seconds", "store=\"cassandra\"", 1.7e9),
        ("productstore_backup_duration_seconds", "store=\"cassandra\"", 95),
    ];

    private static readonly (string Name, string[] LabelSets, double[] Bounds)[] Histograms =
    [
        ("http_server_request_duration_seconds",
            [Route + ",http_response_status_code=\"200\"", Route + ",http_response_status_code=\"404\"",
             Route + ",http_response_status_code=\"429\"", Route + ",http_response_status_code=\"500\""],
            [0.005, 0.05, 0.5, 5]),
        ("http_client_request_duration_seconds",
            ["server_address=\"127.0.0.1\",http_request_method=\"GET\",http_response_status_code=\"200\""], [0.005, 0.05, 0.5, 5]),
        ("db_client_operation_duration_seconds", [Db + ",outcome=\"ok\""], [0.001, 0.01, 0.1, 1]),
        ("productstore_order_value", ["currency=\"EUR\""], [10, 50, 100, 500]),
        ("productstore_gateway_upstream_duration_seconds",
            ["route=\"catalog\",cluster=\"catalog\",status_code=\"200\"", "route=\"catalog\",cluster=\"catalog\",status_code=\"502\""],
            [0.005, 0.05, 0.5, 5]),
    ];

    // Each scrape adds these many observations to a histogram's buckets (cumulative, +Inf last).
    private static readonly int[] BucketGrowth = [1, 4, 7, 9, 10];

    private readonly StubServer _server;
    private int _scrapes;

    private SampleScrapeTarget(StubServer server) => _server = server;

    /// <summary>host:port, as a Prometheus target.</summary>
    public string Target => $"{_server.Address.Host}:{_server.Address.Port}";

    public static async Task<SampleScrapeTarget> StartAsync()
    {
        SampleScrapeTarget? target = null;
        var server = await StubServer.StartAsync(app => app.MapGet("/metrics", () =>
            Results.Text(Render(Interlocked.Increment(ref target!._scrapes)), "text/plain; version=0.0.4; charset=utf-8")));
        target = new SampleScrapeTarget(server);
        return target;
    }

    /// <summary>The exposition text of the given scrape (1, 2, ...).</summary>
    public static string Render(int scrape)
    {
        var text = new StringBuilder();
        foreach (var family in Counters.GroupBy(c => c.Name))
        {
            text.Append("# TYPE ").Append(family.Key).Append(" counter\n");
            foreach (var (name, labels) in family) Sample(text, name, labels, scrape);
        }
        foreach (var family in Gauges.GroupBy(g => g.Name))
        {
            text.Append("# TYPE ").Append(family.Key).Append(" gauge\n");
            foreach (var (name, labels, value) in family) Sample(text, name, labels, value);
        }
        foreach (var (name, labelSets, bounds) in Histograms)
        {
            text.Append("# TYPE ").Append(name).Append(" histogram\n");
            foreach (var labels in labelSets)
            {
                var prefix = labels.Length == 0 ? "" : labels + ",";
                for (var i = 0; i <= bounds.Length; i++)
                {
                    var le = i < bounds.Length ? Format(bounds[i]) : "+Inf";
                    Sample(text, name + "_bucket", $"{prefix}le=\"{le}\"", BucketGrowth[i] * scrape);
                }
                Sample(text, name + "_sum", labels, bounds[1] * BucketGrowth[^1] * scrape);
                Sample(text, name + "_count", labels, BucketGrowth[^1] * scrape);
            }
        }
        const string Latency = "cassandra_client_request_latency_seconds";
        text.Append("# TYPE ").Append(Latency).Append(" summary\n");
        foreach (var quantile in new[] { "0.5", "0.99" }) Sample(text, Latency, $"operation=\"read\",quantile=\"{quantile}\"", 0.002);
        Sample(text, Latency + "_sum", "operation=\"read\"", 0.002 * scrape);
        Sample(text, Latency + "_count", "operation=\"read\"", scrape);
        return text.ToString();
    }

    private static void Sample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0) text.Append('{').Append(labels).Append('}');
        text.Append(' ').Append(Format(value)).Append('\n');
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
