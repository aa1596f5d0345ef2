using System.Text.RegularExpressions;
using ProductStore.Storage.Cassandra;
using ProductStore.TestSupport;

namespace ProductStore.ServiceDefaults.Tests.Cassandra;

/// <summary>The Cassandra settings the published compose and Kubernetes files give the services are ones the services accept.</summary>
public partial class PublishedCassandraSettingsTests
{
    public static TheoryData<string, string, int> Deployments => new()
    {
        { Path.Combine("deploy", "compose", "docker-compose.yml"), "datacenter1", 1 },
        { Path.Combine("deploy", "kubernetes", "users.yaml"), "dc1", 3 },
        { Path.Combine("deploy", "kubernetes", "orders.yaml"), "dc1", 3 },
    };

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Published_connection_strings_and_replication_parse_as_the_services_read_them(string file, string datacenter, int replicationFactor)
    {
        var text = File.ReadAllText(Repository.PathTo(file));
        // Secret references (${VAR:?…} in compose, $(VAR) in Kubernetes) are filled in at deploy time.
        var connectionStrings = ConnectionString().Matches(text).Select(m => SecretReference().Replace(m.Groups[1].Value, "secret")).ToList();
        var replications = Replication().Matches(text).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.NotEmpty(connectionStrings);
        Assert.Equal(connectionStrings.Count, replications.Count);

        foreach (var connectionString in connectionStrings)
        {
            var settings = CassandraSettings.Parse(connectionString, "users");
            Assert.Equal(["cassandra"], settings.ContactPoints);
            Assert.Equal((9042, datacenter, "secret", "secret", "users"),
                (settings.Port, settings.LocalDatacenter, settings.Username, settings.Password, settings.Keyspace));
        }
        foreach (var replication in replications)
        {
            Assert.Equal($"{{'class': 'NetworkTopologyStrategy', '{datacenter}': {replicationFactor}}}", CassandraSettings.ReplicationMap(replication));
        }
    }

    [GeneratedRegex(@"ConnectionStrings__cassandra(?::|\s*\n\s*value:)\s*(.+)")]
    private static partial Regex ConnectionString();

    [GeneratedRegex(@"Storage__Cassandra__Replication(?::|\s*\n\s*value:)\s*(.+)")]
    private static partial Regex Replication();

    [GeneratedRegex(@"\$\{[^}]+\}|\$\([A-Z_]+\)")]
    private static partial Regex SecretReference();
}
