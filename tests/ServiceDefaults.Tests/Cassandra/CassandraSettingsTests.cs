using Cassandra;
using ProductStore.Storage.Cassandra;

namespace ProductStore.ServiceDefaults.Tests.Cassandra;

// Compiled only with -p:Cassandra=true, like the code it tests.
public class CassandraSettingsTests
{
    [Fact]
    public void A_full_connection_string_is_read_key_by_key()
    {
        var settings = CassandraSettings.Parse(
            "Contact Points=c1, c2;Port=9142;Keyspace=shop_users;Local Datacenter=dc1;Username=app;Password=s3cr;et=;Protocol Version=3".Replace("s3cr;et=", "\"s3cr;et=\""),
            "users");

        Assert.Equal(["c1", "c2"], settings.ContactPoints);
        Assert.Equal((9142, "shop_users", "dc1", "app", "s3cr;et=", (ProtocolVersion?)ProtocolVersion.V3),
            (settings.Port, settings.Keyspace, settings.LocalDatacenter, settings.Username, settings.Password, settings.MaxProtocolVersion));
    }

    [Fact]
    public void Without_a_keyspace_each_service_uses_its_own_name()
    {
        var settings = CassandraSettings.Parse("Contact Points=127.0.0.1", "orders");

        Assert.Equal(("orders", 9042, "datacenter1", (string?)null, (ProtocolVersion?)null),
            (settings.Keyspace, settings.Port, settings.LocalDatacenter, settings.Username, settings.MaxProtocolVersion));
    }

    [Theory]
    [InlineData(null, "ConnectionStrings:cassandra is not set")]
    [InlineData("Port=9042", "no Contact Points")]
    [InlineData("Contact Points=a;Port=ninety", "Port 'ninety'")]
    [InlineData("Contact Points=a;Keyspace=users DROP", "not a CQL identifier")]
    [InlineData("Contact Points=a;Keyspace=users; DROP", "not a list of key=value pairs")]
    [InlineData("Contact Points=a;Keyspace=1users", "not a CQL identifier")]
    public void An_unusable_connection_string_is_refused_with_the_reason(string? connectionString, string reason) =>
        Assert.Contains(reason, Assert.Throws<InvalidOperationException>(() => CassandraSettings.Parse(connectionString, "users")).Message);

    [Theory]
    [InlineData("SimpleStrategy:1", "{'class': 'SimpleStrategy', 'replication_factor': 1}")]
    [InlineData("NetworkTopologyStrategy:dc1=3", "{'class': 'NetworkTopologyStrategy', 'dc1': 3}")]
    [InlineData("NetworkTopologyStrategy:dc1=3, dc2=2", "{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}")]
    public void Replication_settings_become_the_keyspace_replication_map(string replication, string map) =>
        Assert.Equal(map, CassandraSettings.ReplicationMap(replication));

    [Theory]
    [InlineData("EverywhereStrategy")]
    [InlineData("SimpleStrategy:0")]
    [InlineData("NetworkTopologyStrategy:dc1")]
    [InlineData("NetworkTopologyStrategy:dc'1=3")]
    public void Replication_settings_that_are_not_understood_are_refused(string replication) =>
        Assert.Throws<InvalidOperationException>(() => CassandraSettings.ReplicationMap(replication));

    [Fact]
    public void Schema_scripts_split_into_their_statements() =>
        Assert.Equal(["CREATE TABLE a (id int PRIMARY KEY)", "CREATE TABLE b (id int PRIMARY KEY)"],
            CassandraSchema.Statements("CREATE TABLE a (id int PRIMARY KEY);\n\n CREATE TABLE b (id int PRIMARY KEY);\n"));
}
