namespace ProductStore.AppHost.Hosting;

/// <summary>
/// Apache Cassandra as a deployment runs it: a container cluster (no Aspire hosting package for Cassandra exists, so
/// this one is ours). Services get <c>ConnectionStrings__cassandra</c>; each deployment adds credentials and datacenter.
/// </summary>
public sealed class CassandraResource(string name) : ContainerResource(name), IResourceWithConnectionString
{
    public const string CqlEndpointName = "cql";

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Contact Points={this.GetEndpoint(CqlEndpointName).Property(EndpointProperty.Host)};Port={this.GetEndpoint(CqlEndpointName).Property(EndpointProperty.Port)}");
}

/// <summary>
/// One local Cassandra 2.1 node for run mode (<c>scripts/cassandra-local.sh run</c>: Java, no Docker). It speaks
/// native protocol v3 only, hence the capped protocol version.
/// </summary>
public sealed class LocalCassandraResource(string name, string workingDirectory)
    : ExecutableResource(name, "bash", workingDirectory), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Contact Points=127.0.0.1;Port={this.GetEndpoint(CassandraResource.CqlEndpointName).Property(EndpointProperty.TargetPort)};Local Datacenter=datacenter1;Protocol Version=3");
}
