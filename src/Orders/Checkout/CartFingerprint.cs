using System.Security.Cryptography;
using System.Text;
using ProductStore.Orders.Clients;

namespace ProductStore.Orders.Checkout;

/// <summary>Identifies a cart's content (products and quantities, in any order), to tell a retry from a different checkout.</summary>
public static class CartFingerprint
{
    public static string Of(IEnumerable<CartSnapshotItem> items)
    {
        var canonical = new StringBuilder();
        foreach (var item in items.OrderBy(i => i.ProductId)) canonical.Append(item.ProductId.ToString("N")).Append('x').Append(item.Quantity).Append(';');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
