using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace ProductStore.TestSupport;

/// <summary>
/// Records what one app's meter measures while the recorder lives. Only that app's: instruments are matched by
/// the app's own IMeterFactory, so parallel test hosts with the same meter name do not mix.
/// </summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string> Tags)> _measurements = new();

    public MetricsRecorder(IServiceProvider services, string meterName)
    {
        var scope = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, scope)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of the instrument's measurements that carry every given tag.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => _measurements
        .Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var value) && value == t.Value))
        .Sum(m => m.Value);

    /// <summary>The tags of each of the instrument's measurements, in order.</summary>
    public IReadOnlyList<Dictionary<string, string>> TagsOf(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags).ToList();

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string>();
        foreach (var tag in tags) copy[tag.Key] = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
