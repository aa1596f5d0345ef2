using Cassandra;
using ISession = Cassandra.ISession;

namespace ProductStore.Storage.Cassandra;

/// <summary>
/// Versioned CQL scripts applied at start-up: creates the keyspace, then applies the scripts the keyspace has not
/// seen (recorded in schema_migrations). Replicas starting together take turns through a lightweight-transaction
/// lock, so only one of them changes the schema and the others wait for it and find nothing left to do.
/// </summary>
public sealed class CassandraSchema(CassandraDatabase database, IReadOnlyList<string> migrations, ILogger<CassandraSchema> logger) : IStorageInitializer
{
    private static readonly TimeSpan LockTimeToLive = TimeSpan.FromSeconds(60);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var keyspace = database.Settings.Keyspace;
        var admin = await database.Cluster.ConnectAsync().ConfigureAwait(false);
        try
        {
            await admin.ExecuteAsync(new SimpleStatement(
                $"CREATE KEYSPACE IF NOT EXISTS {keyspace} WITH replication = {CassandraSettings.ReplicationMap(database.Options.Replication)}")).ConfigureAwait(false);
        }
        finally
        {
            await admin.ShutdownAsync().ConfigureAwait(false);
        }
        await database.OpenKeyspaceAsync().ConfigureAwait(false);
        var session = database.Session;
        if (!await BookkeepingExistsAsync(session).ConfigureAwait(false))
        {
            await CreateBookkeepingTablesAsync(session, cancellationToken).ConfigureAwait(false);
        }

        var owner = Guid.NewGuid();
        var deadline = DateTimeOffset.UtcNow + database.Options.MigrationLockWait;
        while (true)
        {
            var applied = await AppliedVersionAsync(session).ConfigureAwait(false);
            if (applied >= migrations.Count)
            {
                logger.LogInformation("Cassandra keyspace {Keyspace} is at schema version {Version}", keyspace, applied);
                return;
            }
            if (await TryLockAsync(owner).ConfigureAwait(false))
            {
                try
                {
                    await ApplyFromAsync(session, await AppliedVersionAsync(session).ConfigureAwait(false)).ConfigureAwait(false);
                }
                finally
                {
                    await session.ExecuteAsync(new SimpleStatement("DELETE FROM schema_lock WHERE name = 'schema' IF owner = ?", owner)).ConfigureAwait(false);
                }
                continue;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Another replica has held the schema lock of keyspace {keyspace} for longer than {database.Options.MigrationLockWait}.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> BookkeepingExistsAsync(ISession session)
    {
        try
        {
            await session.ExecuteAsync(new SimpleStatement("SELECT name FROM schema_lock LIMIT 1")).ConfigureAwait(false);
            await session.ExecuteAsync(new SimpleStatement("SELECT version FROM schema_migrations LIMIT 1")).ConfigureAwait(false);
            return true;
        }
        catch (InvalidQueryException)
        {
            return false;
        }
    }

    /// <summary>
    /// The lock table cannot be created under the lock. Cassandra before 4.0 cannot create one table from two clients
    /// at once (the loser's "Column family ID mismatch" breaks later schema changes of the keyspace until a restart),
    /// so the very first start of a new keyspace must be one replica; every later start, upgrades included, may race.
    /// </summary>
    private static async Task CreateBookkeepingTablesAsync(ISession session, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(new SimpleStatement(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, applied_at timestamp)")).ConfigureAwait(false);
        await session.ExecuteAsync(new SimpleStatement(
            "CREATE TABLE IF NOT EXISTS schema_lock (name text PRIMARY KEY, owner uuid)")).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task<int> AppliedVersionAsync(ISession session)
    {
        // SERIAL sees every version a lock holder wrote, even one whose write is still reaching replicas.
        var rows = await session.ExecuteAsync(new SimpleStatement("SELECT version FROM schema_migrations")
            .SetConsistencyLevel(ConsistencyLevel.Serial)).ConfigureAwait(false);
        return rows.Select(r => r.GetValue<int>("version")).DefaultIfEmpty(0).Max();
    }

    private async Task<bool> TryLockAsync(Guid owner) =>
        (await database.ExecuteConditionalAsync("schema.lock", new SimpleStatement(
            $"INSERT INTO schema_lock (name, owner) VALUES ('schema', ?) IF NOT EXISTS USING TTL {(int)LockTimeToLive.TotalSeconds}", owner))
            .ConfigureAwait(false)).Applied;

    private async Task ApplyFromAsync(ISession session, int applied)
    {
        for (var version = applied + 1; version <= migrations.Count; version++)
        {
            foreach (var statement in Statements(migrations[version - 1]))
            {
                await session.ExecuteAsync(new SimpleStatement(statement)).ConfigureAwait(false);
            }
            await session.ExecuteAsync(new SimpleStatement(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", version, DateTimeOffset.UtcNow)
                .SetConsistencyLevel(ConsistencyLevel.Quorum)).ConfigureAwait(false);
            logger.LogInformation("Applied schema version {Version} to Cassandra keyspace {Keyspace}", version, database.Settings.Keyspace);
        }
    }

    /// <summary>A script's statements: CQL separated by semicolons (schema scripts hold none inside literals).</summary>
    public static IEnumerable<string> Statements(string script) =>
        script.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
