namespace ProductStore.AppHost.Hosting;

public static class Storage
{
    /// <summary>
    /// The services' shared database, or null for SQLite files (run mode's default). Deployments always run a Cassandra
    /// cluster; run mode starts a local node with <c>--storage cassandra</c> (or <c>AppHost:Storage=cassandra</c>).
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString>? AddProductStoreStorage(this IDistributedApplicationBuilder builder, string name)
    {
        if (builder.ExecutionContext.IsPublishMode) return builder.AddCassandra(name);
        var provider = builder.Configuration["storage"] ?? builder.Configuration["AppHost:Storage"] ?? "sqlite";
        return provider.ToLowerInvariant() switch
        {
            "sqlite" => null,
            "cassandra" => builder.AddLocalCassandra(name),
            _ => throw new DistributedApplicationException($"Unknown storage '{provider}': use sqlite or cassandra."),
        };
    }

    /// <summary>A service with a database of its own: a SQLite file in the data folder, or a keyspace in Cassandra.</summary>
    public static IResourceBuilder<ServiceProjectResource> WithStorage(
        this IResourceBuilder<ServiceProjectResource> service, IResourceBuilder<IResourceWithConnectionString>? cassandra)
    {
        if (cassandra is null)
            return service.WithEnvironment("Storage__DataDirectory", service.ApplicationBuilder.DataDirectory());
        return service.WithReference(cassandra).WaitFor(cassandra).WithEnvironment("Storage__Provider", "cassandra");
    }

    /// <summary>
    /// A service keeping files of its own (the storefront's key ring) in the data folder, in run mode; deployments keep
    /// nothing on an instance's disk (the storefront derives its ring from a secret: <see cref="Secrets.WithKeyRingSecret"/>).
    /// </summary>
    public static IResourceBuilder<ServiceProjectResource> WithDataDirectory(this IResourceBuilder<ServiceProjectResource> service) =>
        service.ApplicationBuilder.ExecutionContext.IsRunMode
            ? service.WithEnvironment("Storage__DataDirectory", service.ApplicationBuilder.DataDirectory())
            : service;

    public static IResourceBuilder<CassandraResource> AddCassandra(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new CassandraResource(name))
            .WithImage("cassandra", "5.0")
            .WithEndpoint(port: 9042, targetPort: 9042, name: CassandraResource.CqlEndpointName, scheme: "tcp")
            .WithEndpoint(port: 7000, targetPort: 7000, name: "intra-node", scheme: "tcp")
            .WithVolume($"{name}-data", "/var/lib/cassandra")
            // A fixed heap below the limit: Cassandra sizes it from the host's memory otherwise.
            .WithEnvironment("MAX_HEAP_SIZE", "2G")
            .WithEnvironment("HEAP_NEWSIZE", "400M")
            .WithDeployment(d =>
            {
                d.HealthCommand = ["cqlsh", "-e", "describe keyspaces"];
                d.ClusterSize = 3;
                d.UserId = 999;
                d.Cpus = 2;
                d.MemoryMiB = 4096;
            });

    public static IResourceBuilder<LocalCassandraResource> AddLocalCassandra(this IDistributedApplicationBuilder builder, string name)
    {
        var port = builder.PortOf(name, 9042);
        var healthCheck = $"{name}-cql";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, _ => new CqlHealthCheck("127.0.0.1", port), null, null));
        return builder.AddResource(new LocalCassandraResource(name, builder.RepositoryRoot()))
            .WithArgs("scripts/cassandra-local.sh", "run")
            .WithEndpoint(port: port, targetPort: port, name: CassandraResource.CqlEndpointName, scheme: "tcp", isProxied: false)
            .WithEnvironment("CASSANDRA_LOCAL_PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHealthCheck(healthCheck);
    }
}
