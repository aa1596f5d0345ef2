namespace ProductStore.Catalog.Domain;

/// <summary>The rules a product's fields obey. Prices have at most two decimals, so whole cents hold them exactly.</summary>
public static class ProductRules
{
    public const decimal MaxPrice = 1_000_000_000m;
    public const int MaxStock = 1_000_000_000;

    public static bool IsPrice(decimal price) => price >= 0 && price <= MaxPrice && decimal.Round(price, 2) == price;

    /// <summary>A minimum price filter in cents: 10.001 admits nothing below 10.01.</summary>
    public static long CeilingCents(decimal price) => (long)decimal.Ceiling(price * 100m);

    /// <summary>A maximum price filter in cents: 10.009 admits nothing above 10.00.</summary>
    public static long FloorCents(decimal price) => (long)decimal.Floor(price * 100m);

    /// <summary>ISO 4217 style: three upper-case ASCII letters.</summary>
    public static bool IsCurrency(string? currency) => currency is { Length: 3 } && currency.All(char.IsAsciiLetterUpper);

    /// <summary>Units on hand: a whole number, never negative.</summary>
    public static bool IsStock(long? stock) => stock is >= 0 and <= MaxStock;

    /// <summary>An absolute http(s) URL, or empty for no image.</summary>
    public static bool IsImageUrl(string? url) =>
        string.IsNullOrEmpty(url) || (url.Length <= 2000 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}
