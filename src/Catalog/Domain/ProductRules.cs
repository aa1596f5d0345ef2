namespace ProductStore.Catalog.Domain;

/// <summary>Prices are decimals with at most two places, stored as whole cents so sums never drift.</summary>
public static class PriceRules
{
    public const decimal Max = 1_000_000_000m;

    public static bool IsValid(decimal price) => price >= 0 && price <= Max && decimal.Round(price, 2) == price;

    public static long ToCents(decimal price) => (long)(price * 100m);

    public static decimal FromCents(long cents) => cents / 100m;

    public static bool IsCurrency(string? currency) => currency is { Length: 3 } && currency.All(char.IsAsciiLetterUpper);
}
