using System.Net;
using System.Net.Http.Json;
using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Seeding;
using ProductStore.Catalog.Tests.Fakes;
using ProductStore.TestSupport;
using Spectre.Console;

namespace ProductStore.Catalog.Tests;

public class SeedingTests
{
    private static async Task<(List<ProductDto> Products, List<CategoryDto> Categories)> ReadCatalog(CatalogFactory factory)
    {
        var client = factory.CreateClient();
        var (products, _) = await client.ListAllPagesAsync("sort=price&limit=100");
        var categories = await client.GetFromJsonAsync<List<CategoryDto>>("/api/catalog/categories") ?? [];
        return (products, categories);
    }

    private static void AssertPlausibleCatalog(List<ProductDto> products, List<CategoryDto> categories, int count)
    {
        Assert.Equal(count, products.Count);
        Assert.Equal(count, products.Select(p => p.Id).Distinct().Count());
        Assert.Equal(count, products.Select(p => p.Sku).Distinct().Count());
        Assert.Equal(ProductGenerator.Categories.Select(c => c.Slug).Order(), categories.Select(c => c.Slug).Order());
        Assert.All(products, p =>
        {
            Assert.True(ProductRules.IsPrice(p.Price) && p.Price > 0, $"price {p.Price}");
            Assert.True(ProductRules.IsStock(p.Stock), $"stock {p.Stock}");
            Assert.Contains(categories, c => c.Slug == p.Category);
            Assert.True(ProductRules.IsImageUrl(p.ImageUrl));
        });
        // Varied, as a shop to browse should be: many prices, some sold out, every category used.
        Assert.True(products.Select(p => p.Price).Distinct().Count() > count / 4);
        Assert.Contains(products, p => p.Stock == 0);
        Assert.Equal(categories.Count, products.Select(p => p.Category).Distinct().Count());
    }

    [Fact]
    public async Task The_bulk_seed_loads_products_that_the_api_then_lists()
    {
        await using var factory = new CatalogFactory();
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });

        var elapsed = await BulkSeedCommand.SeedAsync(factory.Services, 2000, console, CancellationToken.None);

        var (products, categories) = await ReadCatalog(factory);
        AssertPlausibleCatalog(products, categories, 2000);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");

        // A second run adds more, with SKUs of its own.
        await BulkSeedCommand.SeedAsync(factory.Services, 500, console, CancellationToken.None);
        Assert.Equal(2500, (await ReadCatalog(factory)).Products.Select(p => p.Sku).Distinct().Count());
    }

    [Fact]
    public async Task The_seed_command_fills_the_configured_data_directory()
    {
        using var data = new TempDirectory();

        var (exitCode, output) = await RunCatalog("seed", "--products", "2000", $"--Storage:DataDirectory={data.Path}");

        Assert.True(exitCode == 0, output);
        Assert.Contains("2,000", output);
        Assert.Matches(@"in \d+\.\d+ s", output);
        await using var factory = new CatalogFactory { SharedDataDirectory = data.Path };
        var (products, categories) = await ReadCatalog(factory);
        AssertPlausibleCatalog(products, categories, 2000);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("seed", "--products", "many")]
    [InlineData("seed", "--products", "0")]
    public async Task The_seed_command_without_a_count_prints_its_usage(params string[] args)
    {
        using var data = new TempDirectory();

        var (exitCode, output) = await RunCatalog([.. args, $"--Storage:DataDirectory={data.Path}"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: Catalog seed --products <count>", output);
        Assert.Empty(Directory.GetFiles(data.Path));
    }

    [Fact]
    public async Task A_first_start_seeds_the_same_demo_catalog_every_time_and_a_restart_adds_nothing()
    {
        using var data = new TempDirectory();
        List<ProductDto> seeded;
        await using (var first = new CatalogFactory { DemoSeed = true, SharedDataDirectory = data.Path })
        {
            (seeded, var categories) = await ReadCatalog(first);
            AssertPlausibleCatalog(seeded, categories, DemoCatalogSeeder.DemoProducts);
        }

        await using (var restarted = new CatalogFactory { DemoSeed = true, SharedDataDirectory = data.Path })
        {
            Assert.Equal(seeded.Select(p => p.Id).Order(), (await ReadCatalog(restarted)).Products.Select(p => p.Id).Order());
        }

        await using var elsewhere = new CatalogFactory { DemoSeed = true };
        var again = (await ReadCatalog(elsewhere)).Products;
        // Ids are new on each first start; everything a shopper sees is the same.
        Assert.Equal(seeded.Select(p => (p.Sku, p.Name, p.Category, p.Price, p.Stock)).Order(), again.Select(p => (p.Sku, p.Name, p.Category, p.Price, p.Stock)).Order());
    }

    [Fact]
    public async Task With_the_demo_seed_off_the_catalog_starts_empty()
    {
        await using var factory = new CatalogFactory();
        var (products, categories) = await ReadCatalog(factory);
        Assert.Empty(products);
        Assert.Empty(categories);
    }

    /// <summary>Runs the built Catalog program (copied next to the tests) as its own process, as `dotnet run -- …` would.</summary>
    private static Task<(int ExitCode, string Output)> RunCatalog(params string[] args) =>
        Tools.RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Path.Combine(AppContext.BaseDirectory, "Catalog.dll"), .. args],
            workingDirectory: AppContext.BaseDirectory);

    /// <summary>A data folder of the test's own, outliving the factories that open it one after another.</summary>
    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("productstore-catalog-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
