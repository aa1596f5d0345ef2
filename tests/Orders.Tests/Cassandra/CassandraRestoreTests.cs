using Cassandra;
using ProductStore.Orders.Domain;
using ProductStore.Orders.Storage;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Storage.Cassandra;
using ProductStore.TestSupport;
using static ProductStore.Orders.Tests.Contracts.OrderSamples;

namespace ProductStore.Orders.Tests.Cassandra;

/// <summary>
/// deploy/cassandra-backup's backup.sh and restore.sh against the local node (scripts/cassandra-local.sh): snapshot and
/// copy off, drop the keyspace, restore, and find exactly the backed-up orders.
/// </summary>
public sealed class CassandraRestoreTests
{
    private static readonly string Scripts = Path.Combine(Repository.Root, "deploy", "cassandra-backup");

    /// <summary>Why the scripts cannot reach the node's files and JMX, or null (cassandra-local.sh start prints both variables).</summary>
    private static string? NoLocalNode =>
        Environment.GetEnvironmentVariable("CASSANDRA_DATA") is { Length: > 0 } && Environment.GetEnvironmentVariable("NODETOOL") is { Length: > 0 }
            ? null
            : "CASSANDRA_DATA and NODETOOL are not set: the restore test runs nodetool on the local node and reads its data folder (scripts/cassandra-local.sh start prints them).";

    private static Task<StoreHarness> Orders(string keyspace) => StoreHarness.StartAsync(StorageOptions.CassandraProvider, "orders", OrdersStorage.Add,
        new Dictionary<string, string?> { ["ConnectionStrings:cassandra"] = StoreHarness.CassandraConnectionString(keyspace) });

    [Fact]
    public async Task A_dropped_keyspace_comes_back_from_its_snapshot_with_exactly_the_backed_up_rows()
    {
        if ((StoreHarness.CassandraUnavailable(typeof(OrdersStorage).Assembly) ?? NoLocalNode) is { } reason) Assert.Skip(reason);
        var keyspace = StoreHarness.FreshKeyspace("restore");
        var backups = Directory.CreateTempSubdirectory("productstore-cassandra-backups-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["BACKUP_ROOT"] = backups,
            ["BACKUP_KEYSPACES"] = keyspace,
            // Cassandra 2.1's cqlsh needs a Python 2 driver that fails on current Python 2.7 builds: no schema dump here,
            // the services' migrations make the schema again instead (restore.sh --into-existing-tables).
            ["CQLSH"] = "true",
        };
        try
        {
            List<Order> backedUp;
            List<Order> later;
            await using (var before = await Orders(keyspace))
            {
                var checkouts = before.Get<ICheckoutStore>();
                backedUp = [];
                for (var i = 0; i < 40; i++) backedUp.Add(await checkouts.PlaceAsync(NewOrder(placedAt: Now.AddMinutes(i))));

                await RunAsync("backup.sh", [], environment);
                later = [await checkouts.PlaceAsync(NewOrder()), await checkouts.PlaceAsync(NewOrder())];
                await before.Get<CassandraDatabase>().ExecuteAsync("test", new SimpleStatement($"DROP KEYSPACE {keyspace}"));
            }

            await using var after = await Orders(keyspace);
            var store = after.Get<IOrderStore>();
            Assert.Null(await store.FindAsync(backedUp[0].Id, default));
            var backup = Assert.Single(Directory.GetDirectories(backups));
            await RunAsync("restore.sh", [backup, keyspace, "--into-existing-tables"], environment);

            Assert.Equal(backedUp.Select(o => o.Id).Order(), (await AllAsync(store)).Select(o => o.Id).Order());
            foreach (var sample in new[] { backedUp[0], backedUp[17], backedUp[^1] }) AssertSame(sample, await store.FindAsync(sample.Id, default));
            foreach (var order in later) Assert.Null(await store.FindAsync(order.Id, default));
        }
        finally
        {
            Directory.Delete(backups, recursive: true);
            await using var cleanup = await Orders(keyspace);
            await cleanup.Get<CassandraDatabase>().ExecuteAsync("test", new SimpleStatement($"DROP KEYSPACE IF EXISTS {keyspace}"));
        }
    }

    private static async Task<List<Order>> AllAsync(IOrderStore store)
    {
        var all = new List<Order>();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(null, cursor, 100, default);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return all;
    }

    private static async Task RunAsync(string script, string[] arguments, Dictionary<string, string> environment)
    {
        var (exitCode, log) = await Tools.RunAsync("bash", [Path.Combine(Scripts, script), .. arguments], environment: environment);
        Assert.True(exitCode == 0, $"{script} failed ({exitCode}):\n{log}");
    }
}
