using System.Security.Cryptography;
using System.Text;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Catalog.Domain;

/// <summary>
/// A product's entity tag: a hash of the fields an edit replaces (and the time of the last edit), never its stock,
/// so a sale does not make an admin's copy stale while a concurrent edit does.
/// </summary>
public static class ProductVersion
{
    public static string Of(Product product)
    {
        var fields = string.Join('\u001f', product.Id, product.Sku, product.Name, product.Description, product.Category,
            StoredMoney.ToCents(product.Price), product.Currency, product.ImageUrl, product.UpdatedAt.ToStored());
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(fields))[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The strong ETag header value (RFC 9110 §8.8.3): the version in quotes.</summary>
    public static string ETag(Product product) => $"\"{Of(product)}\"";
}
