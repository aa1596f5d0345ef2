using System.Diagnostics.Metrics;

namespace ProductStore.Cart;

/// <summary>Business metrics of Cart: units added to carts.</summary>
public sealed class CartMetrics(IMeterFactory meters)
{
    private readonly Counter<long> _additions = meters.Create("ProductStore.Cart")
        .CreateCounter<long>("productstore.cart.additions", "{unit}", "Units added to carts (new lines and raised quantities).");

    public void Added(int units) => _additions.Add(units);
}
