using System.Collections.Concurrent;
using Cassandra;
using ISession = Cassandra.ISession;
using ProductStore.ServiceDefaults.Telemetry;

namespace ProductStore.ServiceDefaults.Storage.Cassandra;

/// <summary>
/// A service's keyspace on Cassandra: one driver session (token-aware, pooled, thread-safe) and the statements it
/// prepared, each prepared once. Every call is timed and counted as a database operation.
/// </summary>
public sealed class CassandraDatabase : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PreparedStatement>>> _prepared = new(StringComparer.Ordinal);
    private ISession? _session;

    public CassandraDatabase(CassandraSettings settings, CassandraOptions options)
    {
        Settings = settings;
        Options = options;
        var builder = global::Cassandra.Cluster.Builder()
            .AddContactPoints(settings.ContactPoints)
            .WithPort(settings.Port)
            .WithLoadBalancingPolicy(new TokenAwarePolicy(new DCAwareRoundRobinPolicy(settings.LocalDatacenter)))
            .WithQueryOptions(new QueryOptions()
                .SetConsistencyLevel(options.Consistency)
                .SetSerialConsistencyLevel(options.SerialConsistency)
                .SetPrepareOnAllHosts(true))
            .WithMonitorReporting(false);
        if (settings.Username is { } user) builder = builder.WithCredentials(user, settings.Password ?? "");
        if (settings.MaxProtocolVersion is { } protocol) builder = builder.WithMaxProtocolVersion(protocol);
        Cluster = builder.Build();
    }

    public CassandraSettings Settings { get; }
    public CassandraOptions Options { get; }
    public Cluster Cluster { get; }

    /// <summary>The session on the service's keyspace; open once the schema migration ran at start-up.</summary>
    public ISession Session => _session ?? throw new InvalidOperationException("The Cassandra keyspace is not open yet: storage initialization has not run.");

    internal async Task OpenKeyspaceAsync()
    {
        _session ??= await Cluster.ConnectAsync(Settings.Keyspace).ConfigureAwait(false);
    }

    public Task<PreparedStatement> PrepareAsync(string cql) =>
        // Static factory with state: a prepared statement's lookup allocates nothing.
        _prepared.GetOrAdd(cql, static (text, self) => new Lazy<Task<PreparedStatement>>(() => self.PrepareOnceAsync(text)), this).Value;

    private async Task<PreparedStatement> PrepareOnceAsync(string cql)
    {
        try
        {
            return await Session.PrepareAsync(cql).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A failed prepare (node down) must not stick: the next call prepares again.
            _prepared.TryRemove(cql, out _);
            if (CassandraFailures.IsUnavailable(e)) throw CassandraFailures.Unavailable("prepare", e);
            throw;
        }
    }

    public async Task<BoundStatement> BindAsync(string cql, params object?[] values) =>
        (await PrepareAsync(cql).ConfigureAwait(false)).Bind(values);

    public async Task<RowSet> ExecuteAsync(string operation, IStatement statement)
    {
        using var call = DatabaseTelemetry.Start(DatabaseTelemetry.Cassandra, operation);
        try
        {
            var rows = await Session.ExecuteAsync(statement).ConfigureAwait(false);
            call.Succeeded();
            return rows;
        }
        catch (Exception e) when (CassandraFailures.IsUnavailable(e))
        {
            throw CassandraFailures.Unavailable(operation, e);
        }
    }

    public async Task<RowSet> ExecuteAsync(string operation, string cql, params object?[] values) =>
        await ExecuteAsync(operation, await BindAsync(cql, values).ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>The first row, or null: for key lookups, which return one row at most.</summary>
    public async Task<Row?> SingleAsync(string operation, string cql, params object?[] values) =>
        (await ExecuteAsync(operation, cql, values).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Runs a lightweight transaction (… IF …) and says whether it applied, with the row Cassandra returned.</summary>
    public async Task<(bool Applied, Row Row)> ExecuteConditionalAsync(string operation, IStatement statement)
    {
        var row = (await ExecuteAsync(operation, statement).ConfigureAwait(false)).First();
        return (row.GetValue<bool>("[applied]"), row);
    }

    public async Task<(bool Applied, Row Row)> ExecuteConditionalAsync(string operation, string cql, params object?[] values) =>
        await ExecuteConditionalAsync(operation, await BindAsync(cql, values).ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>A logged batch: its statements are all applied or, after a failure, eventually all applied.</summary>
    public async Task ExecuteBatchAsync(string operation, IEnumerable<Task<BoundStatement>> statements)
    {
        var batch = new BatchStatement().SetBatchType(BatchType.Logged);
        foreach (var statement in await Task.WhenAll(statements).ConfigureAwait(false)) batch.Add(statement);
        await ExecuteAsync(operation, batch).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.ShutdownAsync().ConfigureAwait(false);
        await Cluster.ShutdownAsync().ConfigureAwait(false);
    }
}
