using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ProductStore.Cart.Tests.Fakes;

/// <summary>Sums productstore.cart.additions from one app only: its meter is scoped to that app's IMeterFactory.</summary>
public sealed class AdditionsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public AdditionsRecorder(IServiceProvider services)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "productstore.cart.additions") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
