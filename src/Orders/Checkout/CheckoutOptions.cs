namespace ProductStore.Orders.Checkout;

public sealed class CheckoutOptions
{
    public const string Section = "Orders:Checkout";

    /// <summary>How long a retry waits for a concurrent request with the same key to finish.</summary>
    public TimeSpan InFlightWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After this long an unfinished checkout is presumed dead (its process crashed) and is recovered.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);
}
