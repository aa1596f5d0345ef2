using System.Data.Common;
using System.Globalization;
using Cassandra;

namespace ProductStore.Storage.Cassandra;

/// <summary>
/// Storage__Cassandra__*: replication for the keyspaces the services create ("SimpleStrategy:1" on one node,
/// "NetworkTopologyStrategy:dc1=3" in production) and the consistency levels of reads, writes and transactions.
/// </summary>
public sealed class CassandraOptions
{
    public const string Section = "Storage:Cassandra";

    public string Replication { get; set; } = "SimpleStrategy:1";
    public ConsistencyLevel Consistency { get; set; } = ConsistencyLevel.LocalQuorum;
    public ConsistencyLevel SerialConsistency { get; set; } = ConsistencyLevel.LocalSerial;
    /// <summary>How long a start-up waits for another replica's schema migration before giving up.</summary>
    public TimeSpan MigrationLockWait { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// ConnectionStrings__cassandra: "Contact Points=a,b;Port=9042;Keyspace=users;Local Datacenter=dc1;Username=…;
/// Password=…;Protocol Version=3". Without a keyspace each service uses its own name, so one connection string
/// serves them all.
/// </summary>
public sealed record CassandraSettings(
    IReadOnlyList<string> ContactPoints, int Port, string Keyspace, string LocalDatacenter,
    string? Username, string? Password, ProtocolVersion? MaxProtocolVersion)
{
    public const string ConnectionStringName = "cassandra";

    public static CassandraSettings Parse(string? connectionString, string defaultKeyspace)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Storage:Provider is 'cassandra' but ConnectionStrings:cassandra is not set, e.g. \"Contact Points=127.0.0.1;Port=9042;Local Datacenter=datacenter1\".");
        }
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException e)
        {
            throw Invalid($"it is not a list of key=value pairs ({e.Message})");
        }
        string? Value(string key) => builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text ? text.Trim() : null;

        var contactPoints = (Value("Contact Points") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (contactPoints.Length == 0) throw Invalid("it names no Contact Points");
        var port = Value("Port") is { } portText ? ParseInt(portText, "Port") : 9042;
        var keyspace = Value("Keyspace") ?? defaultKeyspace;
        if (!IsIdentifier(keyspace)) throw Invalid($"the keyspace '{keyspace}' is not a CQL identifier (letters, digits, _; at most 48)");
        ProtocolVersion? protocol = Value("Protocol Version") is { } protocolText ? (ProtocolVersion)ParseInt(protocolText, "Protocol Version") : null;
        return new CassandraSettings(contactPoints, port, keyspace, Value("Local Datacenter") ?? "datacenter1",
            Value("Username"), Value("Password"), protocol);
    }

    /// <summary>The CQL replication map for a keyspace, from "SimpleStrategy:N" or "NetworkTopologyStrategy:dc=N,dc2=N".</summary>
    public static string ReplicationMap(string replication)
    {
        var (strategy, factors) = replication.Split(':', 2) is [var s, var f] ? (s.Trim(), f.Trim()) : (replication.Trim(), "");
        return strategy switch
        {
            "SimpleStrategy" => $"{{'class': 'SimpleStrategy', 'replication_factor': {ParseInt(factors, "replication factor")}}}",
            "NetworkTopologyStrategy" => "{'class': 'NetworkTopologyStrategy', " + string.Join(", ", factors.Split(',').Select(pair =>
                pair.Split('=', 2) is [var dc, var n] && dc.Trim() is { Length: > 0 } name && !name.Contains('\'')
                    ? $"'{name}': {ParseInt(n, "replication factor")}"
                    : throw new InvalidOperationException($"Storage:Cassandra:Replication '{replication}': write data centers as dc=N."))) + "}",
            _ => throw new InvalidOperationException(
                $"Storage:Cassandra:Replication '{replication}' is not SimpleStrategy:N or NetworkTopologyStrategy:dc=N[,dc=N]."),
        };
    }

    private static bool IsIdentifier(string name) =>
        name.Length is > 0 and <= 48 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static int ParseInt(string text, string what) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"Cassandra settings: {what} '{text}' is not a positive whole number.");

    private static InvalidOperationException Invalid(string why) => new($"ConnectionStrings:cassandra is not usable: {why}.");
}
