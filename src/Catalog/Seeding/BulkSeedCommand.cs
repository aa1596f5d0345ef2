using System.Diagnostics;
using System.Globalization;
using ProductStore.Catalog.Storage;
using ProductStore.Storage;
using Spectre.Console;

namespace ProductStore.Catalog.Seeding;

/// <summary>
/// <c>dotnet run --project src/Catalog -- seed --products 20000</c>: loads any number of generated products
/// into the configured store (same configuration as the service, Storage__Provider included), in batches of 2,000.
/// </summary>
public static class BulkSeedCommand
{
    private const int BatchSize = 2000;

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "seed";

    /// <summary>The command loads only what it is asked for: no demo catalog on top.</summary>
    public static void Configure(WebApplicationBuilder builder) =>
        builder.Configuration.AddInMemoryCollection([new("Catalog:Seed:Demo", "false")]);

    /// <summary>Runs the command on the built (not started) app and disposes it, which checkpoints the database.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var _ = app;
        var countAt = Array.IndexOf(args, "--products");
        if (countAt < 0 || countAt + 1 >= args.Length || !int.TryParse(args[countAt + 1], CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            Console.Error.WriteLine("usage: Catalog seed --products <count>");
            return 2;
        }
        var elapsed = await SeedAsync(app.Services, count, AnsiConsole.Console, CancellationToken.None);
        AnsiConsole.MarkupLine($"Seeded [green]{count:N0}[/] products in {elapsed.TotalSeconds:0.00} s ({count / Math.Max(elapsed.TotalSeconds, 0.001):N0}/s).");
        return 0;
    }

    public static async Task<TimeSpan> SeedAsync(IServiceProvider services, int count, IAnsiConsole console, CancellationToken cancellationToken)
    {
        // The schema (SQLite or Cassandra, as configured), as the service's start-up makes it; demo seeding is off here.
        await services.InitializeStorageAsync(cancellationToken);
        var store = services.GetRequiredService<ICatalogStore>();
        await DemoCatalogSeeder.AddCategoriesAsync(store, cancellationToken);

        // A run id of its own, so repeated runs add new SKUs rather than colliding with earlier ones.
        var run = Random.Shared.Next();
        var generator = new ProductGenerator(run, skuPrefix: $"BULK{run:x8}");
        var start = DateTimeOffset.UtcNow.AddSeconds(-count);
        var stopwatch = Stopwatch.StartNew();
        await console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Seeding products", maxValue: count);
            for (var done = 0; done < count; done += BatchSize)
            {
                var batch = Enumerable.Range(done + 1, Math.Min(BatchSize, count - done)).Select(n => generator.Next(n, start.AddSeconds(n))).ToList();
                await store.AddManyAsync(batch, cancellationToken);
                task.Increment(batch.Count);
            }
        });
        return stopwatch.Elapsed;
    }
}
