using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Storage;
using ProductStore.Storage;

namespace ProductStore.Catalog.Seeding;

/// <summary>At first start with an empty database (no categories yet), a demo catalog to browse: 12 categories, 300 products.</summary>
public sealed partial class DemoCatalogSeeder(ICatalogStore store, IConfiguration configuration, TimeProvider time, ILogger<DemoCatalogSeeder> logger) : IStorageInitializer
{
    public const int DemoProducts = 300;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Catalog:Seed:Demo", true) || (await store.ListCategoriesAsync(cancellationToken)).Count > 0) return;
        await AddCategoriesAsync(store, cancellationToken);
        var generator = new ProductGenerator(seed: 1, skuPrefix: "DEMO");
        var start = time.GetUtcNow().AddDays(-DemoProducts);
        await store.AddManyAsync(Enumerable.Range(1, DemoProducts).Select(n => generator.Next(n, start.AddDays(n))).ToList(), cancellationToken);
        LogSeeded(logger, ProductGenerator.Categories.Count, DemoProducts);
    }

    public static async Task AddCategoriesAsync(ICatalogStore store, CancellationToken cancellationToken)
    {
        foreach (var (slug, name) in ProductGenerator.Categories)
            await store.TryAddCategoryAsync(new Category(Guid.CreateVersion7(), slug, name), cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Seeded a demo catalog: {Categories} categories, {Products} products.")]
    private static partial void LogSeeded(ILogger logger, int categories, int products);
}
