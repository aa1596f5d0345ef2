using System.Diagnostics.Metrics;
using ProductStore.Orders.Domain;

namespace ProductStore.Orders;

/// <summary>Business metrics of Orders: checkouts by outcome, orders and their value, status changes, overdue orders.</summary>
public sealed class OrdersMetrics
{
    private readonly Counter<long> _checkouts;
    private readonly Counter<long> _ordersCreated;
    private readonly Histogram<double> _orderValue;
    private readonly Counter<long> _transitions;
    private readonly Dictionary<OrderStatus, double> _oldestDueAge = [];

    public OrdersMetrics(IMeterFactory meters)
    {
        var meter = meters.Create("ProductStore.Orders");
        _checkouts = meter.CreateCounter<long>("productstore.checkouts", "{checkout}", "Checkouts by outcome.");
        _ordersCreated = meter.CreateCounter<long>("productstore.orders.created", "{order}", "Orders placed.");
        _orderValue = meter.CreateHistogram<double>("productstore.order.value", "{currency_unit}", "Value of placed orders.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] });
        _transitions = meter.CreateCounter<long>("productstore.orders.status_transitions", "{transition}", "Order status changes.");
        meter.CreateObservableGauge("productstore.orders.overdue_age", ObserveOverdue, "s",
            "How long the longest-waiting order in each status has been due to move on (0 when none is overdue).");
    }

    public void CheckoutFinished(CheckoutResultTag outcome) => _checkouts.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
    {
        CheckoutResultTag.Success => "success",
        CheckoutResultTag.OutOfStock => "out_of_stock",
        _ => "failed",
    }));

    public void OrderPlaced(Order order)
    {
        CheckoutFinished(CheckoutResultTag.Success);
        var currency = new KeyValuePair<string, object?>("currency", order.Currency);
        _ordersCreated.Add(1, currency);
        _orderValue.Record((double)order.Total, currency);
    }

    public void StatusChanged(StatusChange change, bool automatic) => _transitions.Add(1,
        new KeyValuePair<string, object?>("from", change.From?.ToString() ?? "None"),
        new KeyValuePair<string, object?>("to", change.To.ToString()),
        new KeyValuePair<string, object?>("automatic", automatic));

    public void OverdueAge(OrderStatus status, TimeSpan age)
    {
        lock (_oldestDueAge) _oldestDueAge[status] = Math.Max(0, age.TotalSeconds);
    }

    private IEnumerable<Measurement<double>> ObserveOverdue()
    {
        lock (_oldestDueAge)
        {
            return _oldestDueAge.Select(e => new Measurement<double>(e.Value, new KeyValuePair<string, object?>("status", e.Key.ToString()))).ToArray();
        }
    }
}
