using ProductStore.Orders.Clients;
using ProductStore.Orders.Domain;

namespace ProductStore.Orders.Checkout;

/// <summary>Every way a checkout can end; the API maps each to one status code.</summary>
public abstract record CheckoutOutcome
{
    /// <summary>A new order (201).</summary>
    public sealed record Placed(Order Order) : CheckoutOutcome;
    /// <summary>The key was used before for this cart: the same order again (200).</summary>
    public sealed record Repeated(Order Order) : CheckoutOutcome;
    /// <summary>Nothing to check out (422).</summary>
    public sealed record EmptyCart : CheckoutOutcome;
    /// <summary>Some items are short; nothing was reserved (409).</summary>
    public sealed record OutOfStock(IReadOnlyList<ShortItem> ShortItems) : CheckoutOutcome;
    /// <summary>The key was used before with a different cart (422).</summary>
    public sealed record KeyReused : CheckoutOutcome;
    /// <summary>Another request with this key is still running (409); retry shortly.</summary>
    public sealed record StillInProgress : CheckoutOutcome;
    /// <summary>Another checkout (under another key) of the same cart is running (409); only one may order it.</summary>
    public sealed record CartBusy : CheckoutOutcome;
    /// <summary>Catalog refused the order for a reason other than stock (409).</summary>
    public sealed record Refused(string Detail) : CheckoutOutcome;
}
