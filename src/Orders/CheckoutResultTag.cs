namespace ProductStore.Orders;

/// <summary>How a checkout ended, as the checkouts metric counts it.</summary>
public enum CheckoutResultTag
{
    Success,
    OutOfStock,
    Failed,
}
