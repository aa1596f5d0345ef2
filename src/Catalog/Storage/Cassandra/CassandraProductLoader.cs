using Cassandra;
using ProductStore.Catalog.Domain;
using ProductStore.Storage.Cassandra;

namespace ProductStore.Catalog.Storage.Cassandra;

/// <summary>
/// Bulk loading for the seeder: each product's row and SKU claim on their own (one partition each), its shelf copies
/// gathered into unlogged batches of one partition each, all written concurrently. Not one transaction as on SQLite:
/// the input is trusted to have unique SKUs, and a load that fails half-way leaves the products it wrote.
/// </summary>
public sealed class CassandraProductLoader(CassandraDatabase database)
{
    private const int RowsPerBatch = 100;
    private const int WritesInFlight = 64;

    public async Task AddManyAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken)
    {
        var claimedAt = DateTimeOffset.UtcNow;
        var rows = await Task.WhenAll(products.SelectMany(product => new[]
        {
            database.BindAsync(CassandraProducts.Insert, CassandraProducts.InsertValues(product)),
            database.BindAsync("INSERT INTO products_by_sku (sku, id, claimed_at) VALUES (?, ?, ?)", product.Sku, product.Id, claimedAt),
        }));
        var copies = await Task.WhenAll(
            from product in products
            from table in CassandraShelves.Tables
            from shelf in CassandraShelves.ShelvesOf(product)
            select CopyAsync(table, shelf, product));
        var batches = copies.GroupBy(copy => copy.Partition, copy => copy.Statement)
            .SelectMany(partition => partition.Chunk(RowsPerBatch))
            .Select(chunk => (IStatement)chunk.Aggregate(new BatchStatement().SetBatchType(BatchType.Unlogged), (batch, statement) => batch.Add(statement)));
        await Parallel.ForEachAsync(rows.Concat<IStatement>(batches), new ParallelOptions { MaxDegreeOfParallelism = WritesInFlight, CancellationToken = cancellationToken },
            async (statement, _) => await database.ExecuteAsync("products.add_many", statement));
    }

    private async Task<((string Table, string Shelf) Partition, BoundStatement Statement)> CopyAsync(CassandraShelves.Table table, string shelf, Product product) =>
        ((table.Name, shelf), await CassandraShelves.Write(database, table, shelf, product));
}
