using ProductStore.Catalog.Domain;

namespace ProductStore.Catalog.Seeding;

/// <summary>Deterministic, varied demo data: the same seed always gives the same catalog. SKUs are "{skuPrefix}-{number}".</summary>
public sealed class ProductGenerator(int seed, string skuPrefix)
{
    public static readonly IReadOnlyList<(string Slug, string Name)> Categories =
    [
        ("books", "Books"), ("music", "Music"), ("games", "Games"), ("electronics", "Electronics"), ("computers", "Computers"),
        ("home", "Home & Kitchen"), ("garden", "Garden"), ("toys", "Toys"), ("sports", "Sports & Outdoors"),
        ("fashion", "Fashion"), ("beauty", "Beauty"), ("grocery", "Grocery"),
    ];

    private static readonly string[] Adjectives = ["Classic", "Compact", "Deluxe", "Eco", "Essential", "Family", "Mini", "Pro", "Smart", "Travel", "Ultra", "Vintage"];
    private static readonly string[] Nouns = ["Bundle", "Collection", "Edition", "Kit", "Pack", "Set", "Series", "Selection"];
    private readonly Random _random = new(seed);

    public Product Next(int number, DateTimeOffset createdAt)
    {
        var (slug, categoryName) = Categories[_random.Next(Categories.Count)];
        var name = $"{Adjectives[_random.Next(Adjectives.Length)]} {categoryName} {Nouns[_random.Next(Nouns.Length)]} {number}";
        // Prices from 0.99 to a few thousand, skewed low like a real shop; some products sold out.
        var price = Math.Round((decimal)Math.Pow(_random.NextDouble(), 3) * 2999m + 0.99m, 2);
        var stock = _random.Next(10) == 0 ? 0 : _random.Next(1, 500);
        return new Product(Guid.CreateVersion7(createdAt), $"{skuPrefix}-{number:D7}", name, $"{name}: demo product number {number}.", slug, price, "EUR",
            stock, $"https://images.productstore.example/{slug}/{number}.jpg", createdAt, createdAt);
    }
}
