namespace ProductStore.Storefront.Components.Shared;

public static class OrderName
{
    /// <summary>The last block of the order id: short enough to read out, long enough to tell orders apart.</summary>
    public static string Short(Guid id) => "#" + id.ToString("N")[^8..].ToUpperInvariant();
}
