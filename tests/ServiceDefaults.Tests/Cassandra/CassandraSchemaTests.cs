using Cassandra;
using Microsoft.Extensions.Logging.Abstractions;
using ProductStore.Storage.Cassandra;
using ProductStore.TestSupport;

namespace ProductStore.ServiceDefaults.Tests.Cassandra;

/// <summary>Schema migrations against the real Cassandra CASSANDRA_CONTACT_POINTS names.</summary>
public class CassandraSchemaTests
{
    // Plain CREATE TABLE fails when the table exists: a script applied twice would throw.
    private static readonly IReadOnlyList<string> Migrations =
    [
        "CREATE TABLE first (id int PRIMARY KEY, name text)",
        "CREATE TABLE second (id int PRIMARY KEY); ALTER TABLE first ADD note text",
    ];

    private static CassandraDatabase Replica(string keyspace) => new(
        CassandraSettings.Parse(StoreHarness.CassandraConnectionString(keyspace), "unused"),
        new CassandraOptions());

    [Fact]
    public async Task Replicas_upgrading_together_apply_each_version_once_and_a_restart_applies_nothing()
    {
        if (StoreHarness.NoCassandraServer is { } reason) Assert.Skip(reason);
        var keyspace = StoreHarness.FreshKeyspace("schema");
        var replicas = Enumerable.Range(0, 4).Select(_ => Replica(keyspace)).ToList();
        try
        {
            // The first deployment (one replica: see CassandraSchema.CreateBookkeepingTablesAsync), then an upgrade on four.
            await using (var first = Replica(keyspace))
            {
                await new CassandraSchema(first, Migrations.Take(1).ToList(), NullLogger<CassandraSchema>.Instance).InitializeAsync(default);
            }
            await Task.WhenAll(replicas.Select(r => new CassandraSchema(r, Migrations, NullLogger<CassandraSchema>.Instance).InitializeAsync(default)));

            var versions = await replicas[0].ExecuteAsync("test", new SimpleStatement("SELECT version FROM schema_migrations"));
            Assert.Equal([1, 2], versions.Select(r => r.GetValue<int>("version")).Order());
            await replicas[1].ExecuteAsync("test", new SimpleStatement("INSERT INTO first (id, name, note) VALUES (1, 'a', 'b')"));

            await using var restarted = Replica(keyspace);
            await new CassandraSchema(restarted, Migrations, NullLogger<CassandraSchema>.Instance).InitializeAsync(default);
            Assert.Equal("b", (await restarted.SingleAsync("test", "SELECT note FROM first WHERE id = ?", 1))!.GetValue<string>("note"));
        }
        finally
        {
            await replicas[0].ExecuteAsync("test", new SimpleStatement($"DROP KEYSPACE {keyspace}"));
            foreach (var replica in replicas) await replica.DisposeAsync();
        }
    }
}
