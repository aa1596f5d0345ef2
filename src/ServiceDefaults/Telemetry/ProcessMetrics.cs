using System.Diagnostics;
using System.Text;

namespace ProductStore.ServiceDefaults.Telemetry;

/// <summary>The standard process_* metrics every Prometheus client exports, read once per scrape.</summary>
internal static class ProcessMetrics
{
    private static readonly double StartTimeSeconds = ReadStartTime();

    private static readonly ProcessMetric[] All =
    [
        new("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.", () => Environment.CpuUsage.TotalTime.TotalSeconds),
        new("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", () => Environment.WorkingSet),
        new("process_memory_limit_bytes", "gauge", "Memory the GC may use in bytes: the container limit when one is set.",
            () => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes),
        new("process_start_time_seconds", "gauge", "Start time of the process since the Unix epoch in seconds.", () => StartTimeSeconds),
    ];

    public static readonly string[] Names = [.. All.Select(metric => metric.Name)];

    public static void WriteTo(PrometheusBuffer output)
    {
        foreach (var metric in All)
        {
            output.Write(metric.HeaderAndName);
            output.WriteNumber(metric.Read());
            output.Write((byte)'\n');
        }
    }

    private static double ReadStartTime()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
    }

    private sealed record ProcessMetric(string Name, string Type, string Help, Func<double> Read)
    {
        public byte[] HeaderAndName { get; } = Encoding.UTF8.GetBytes($"# HELP {Name} {Help}\n# TYPE {Name} {Type}\n{Name} ");
    }
}
