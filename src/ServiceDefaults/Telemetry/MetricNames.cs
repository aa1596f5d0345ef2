using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace ProductStore.ServiceDefaults.Telemetry;

/// <summary>The Views that shape what /metrics holds, decided once per instrument.</summary>
internal static class MetricNames
{
    /// <summary>
    /// Drops the instruments of skipped meters (a dropped instrument is never listened to), and renames current-value
    /// instruments called *.count (dotnet.thread_pool.thread.count): promtool rejects a gauge named like a histogram's
    /// _count series, so they are exported as *_count_current.
    /// </summary>
    public static Func<Instrument, MetricStreamConfiguration?> View(IReadOnlySet<string> skippedMeters) => instrument =>
        skippedMeters.Contains(instrument.Meter.Name) ? MetricStreamConfiguration.Drop
        : IsCurrentValue(instrument) && instrument.Name.EndsWith(".count", StringComparison.Ordinal)
            ? new MetricStreamConfiguration { Name = instrument.Name + ".current" }
        : null;

    private static bool IsCurrentValue(Instrument instrument) =>
        instrument.GetType().GetGenericTypeDefinition() is var kind
        && (kind == typeof(ObservableGauge<>) || kind == typeof(Gauge<>) || kind == typeof(UpDownCounter<>) || kind == typeof(ObservableUpDownCounter<>));
}
