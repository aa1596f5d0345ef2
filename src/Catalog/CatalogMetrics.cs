using System.Diagnostics.Metrics;
using ProductStore.Catalog.Domain;

namespace ProductStore.Catalog;

/// <summary>Business metrics of Catalog (meter ProductStore.Catalog): reservations by outcome, refusals, products created.</summary>
public sealed class CatalogMetrics
{
    public const string MeterName = "ProductStore.Catalog";
    private static readonly KeyValuePair<string, object?> Reserved = new("outcome", "reserved");
    private static readonly KeyValuePair<string, object?> Refused = new("outcome", "refused");
    private readonly Counter<long> _reservations;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _productsCreated;

    public CatalogMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _reservations = meter.CreateCounter<long>("productstore.stock.reservations", "{reservation}", "Stock reservations by outcome.");
        _refused = meter.CreateCounter<long>("productstore.stock.reservations_refused", "{reservation}", "Reservations refused for lack of stock.");
        _productsCreated = meter.CreateCounter<long>("productstore.products.created", "{product}", "Products created by admins.");
    }

    /// <summary>Counts decisions about stock: a replayed reservation or a mismatched order id took no stock decision.</summary>
    public void Reservation(ReservationOutcome outcome)
    {
        switch (outcome)
        {
            case ReservationOutcome.Reserved { Replayed: false }:
                _reservations.Add(1, Reserved);
                break;
            case ReservationOutcome.Refused:
                _reservations.Add(1, Refused);
                _refused.Add(1);
                break;
        }
    }

    public void ProductCreated() => _productsCreated.Add(1);
}
