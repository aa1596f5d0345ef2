using System.Diagnostics;

namespace ProductStore.Orders;

/// <summary>Spans for the checkout saga's steps, so one checkout reads as one trace across services.</summary>
public static class OrdersTelemetry
{
    public const string SourceName = "ProductStore.Orders";
    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? Step(string name) => Source.StartActivity(name);
}
