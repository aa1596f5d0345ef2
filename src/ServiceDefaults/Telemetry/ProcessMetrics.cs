using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProductStore.ServiceDefaults.Telemetry;

/// <summary>
/// The standard process_* series every Prometheus client exports (dashboards and alerts use them), as instruments
/// whose names the exporter renders as process_cpu_seconds_total, process_resident_memory_bytes, and so on.
/// One meter per process, not per host: the values are the process's, and two meters of one name would collide.
/// </summary>
internal static class ProcessMetrics
{
    public const string MeterName = "ProductStore.Process";
    private static readonly Meter Meter = Create();

    /// <summary>Makes sure the instruments exist before the first scrape.</summary>
    public static void EnsureCreated() => GC.KeepAlive(Meter);

    private static Meter Create()
    {
        var meter = new Meter(MeterName);
        var startTime = ReadStartTime();
        meter.CreateObservableCounter("process.cpu", () => Environment.CpuUsage.TotalTime.TotalSeconds, "s",
            "Total user and system CPU time spent in seconds.");
        meter.CreateObservableGauge("process.resident_memory", () => Environment.WorkingSet, "By", "Resident memory size in bytes.");
        meter.CreateObservableGauge("process.memory_limit", () => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, "By",
            "Memory the GC may use in bytes: the container limit when one is set.");
        meter.CreateObservableGauge("process.start_time", () => startTime, "s", "Start time of the process since the Unix epoch in seconds.");
        return meter;
    }

    private static double ReadStartTime()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
    }
}
