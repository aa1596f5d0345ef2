using System.Text;
using OpenTelemetry.Metrics;

namespace ProductStore.ServiceDefaults.Telemetry;

/// <summary>What an instrument becomes in the text format, worked out once per instrument: its name, header lines and series names.</summary>
internal sealed class PrometheusFamily
{
    /// <summary>Exponential histograms have no text-format equivalent; they are left out.</summary>
    public static readonly PrometheusFamily Unsupported = new("", PrometheusKind.Gauge, "", "");

    /// <summary>
    /// Current values the runtime publishes as monotonic counters by mistake (dotnet/runtime#112077, #126167): they go
    /// down, so they are gauges, and rate() over a "counter" that drops would read every drop as a reset.
    /// </summary>
    private static readonly HashSet<(string Meter, string Instrument)> MisdeclaredCounters =
    [
        ("System.Runtime", "dotnet.thread_pool.thread.count"),
        ("System.Runtime", "dotnet.thread_pool.queue.length"),
    ];

    private PrometheusFamily(string name, PrometheusKind kind, string type, string help)
    {
        Name = name;
        Kind = kind;
        var header = new PrometheusBuffer(128);
        header.WriteUtf8($"# HELP {name} ");
        header.WriteEscaped(help, escapeQuotes: false);
        header.WriteUtf8($"\n# TYPE {name} {type}\n");
        Header = header.ToArray();
        Series = Encoding.UTF8.GetBytes(name);
        Bucket = Encoding.UTF8.GetBytes(name + "_bucket");
        Sum = Encoding.UTF8.GetBytes(name + "_sum");
        Count = Encoding.UTF8.GetBytes(name + "_count");
        SeriesNames = kind == PrometheusKind.Histogram ? [name, name + "_bucket", name + "_sum", name + "_count"] : [name];
    }

    public string Name { get; }
    public PrometheusKind Kind { get; }
    public byte[] Header { get; }
    public byte[] Series { get; }
    public byte[] Bucket { get; }
    public byte[] Sum { get; }
    public byte[] Count { get; }

    /// <summary>Every name this family's lines start with: no other family may use one of them.</summary>
    public string[] SeriesNames { get; }

    /// <summary>The <c>le="..."</c> label of each bucket; every point of one instrument has the same bounds.</summary>
    public byte[][]? BucketBounds { get; set; }

    public static PrometheusFamily Describe(Metric metric)
    {
        PrometheusKind? kind = metric.MetricType switch
        {
            MetricType.LongSum or MetricType.DoubleSum => PrometheusKind.Counter,
            MetricType.Histogram => PrometheusKind.Histogram,
            MetricType.LongGauge or MetricType.DoubleGauge or MetricType.LongSumNonMonotonic or MetricType.DoubleSumNonMonotonic => PrometheusKind.Gauge,
            _ => null,
        };
        if (kind is not { } known) return Unsupported;
        if (known == PrometheusKind.Counter && MisdeclaredCounters.Contains((metric.MeterName, metric.Name))) known = PrometheusKind.Gauge;
        var name = PrometheusNames.MetricName(metric.Name, metric.Unit, known);
        var help = string.IsNullOrWhiteSpace(metric.Description) ? metric.Name : metric.Description;
        return new PrometheusFamily(name, known, TypeOf(name, known), help);
    }

    /// <summary>
    /// A gauge named like a histogram's series (dotnet_assembly_count) is declared untyped: promtool rejects such a
    /// gauge, and renaming it would break the names dashboards know. Prometheus treats untyped samples like gauges.
    /// </summary>
    private static string TypeOf(string name, PrometheusKind kind) => kind switch
    {
        PrometheusKind.Counter => "counter",
        PrometheusKind.Histogram => "histogram",
        _ when name.EndsWith("_count", StringComparison.Ordinal) || name.EndsWith("_sum", StringComparison.Ordinal)
            || name.EndsWith("_bucket", StringComparison.Ordinal) => "untyped",
        _ => "gauge",
    };
}
