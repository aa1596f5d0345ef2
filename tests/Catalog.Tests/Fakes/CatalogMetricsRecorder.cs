using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ProductStore.Catalog.Tests.Fakes;

/// <summary>Sums what one Catalog host adds to its ProductStore.Catalog counters, by instrument and outcome tag (other hosts' are ignored).</summary>
public sealed class CatalogMetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string? Outcome), long> _totals = new();

    public CatalogMetricsRecorder(IServiceProvider services)
    {
        var scope = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CatalogMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? outcome = null;
            foreach (var tag in tags) if (tag.Key == "outcome") outcome = tag.Value as string;
            _totals.AddOrUpdate((instrument.Name, outcome), value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public long Total(string instrument, string? outcome = null) => _totals.GetValueOrDefault((instrument, outcome));

    public void Dispose() => _listener.Dispose();
}
