namespace ProductStore.AppHost.Hosting;

public static class CassandraBackup
{
    public const string BackupPath = "/backups";
    public const string ScriptsPath = "/opt/productstore/backup";

    /// <summary>
    /// Daily snapshots of every keyspace on every node, copied to a volume of their own and kept 30 days
    /// (deploy/cassandra-backup/*.sh). The job pushes its success time to <paramref name="pushgateway"/>, which Prometheus
    /// scrapes; BackupMissing fires when it is older than 26 h.
    /// </summary>
    /// <summary>Scheduled backups where the model has a Cassandra cluster and a Pushgateway (deployments); SQLite files are backed up by src/Backup.</summary>
    public static void AddBackups(this IDistributedApplicationBuilder builder,
        IResourceBuilder<IResourceWithConnectionString>? storage, IResourceBuilder<ContainerResource>? pushgateway)
    {
        if (storage is IResourceBuilder<CassandraResource> cluster && pushgateway is not null) builder.AddCassandraBackup(cluster, pushgateway);
    }

    public static IResourceBuilder<ContainerResource> AddCassandraBackup(
        this IDistributedApplicationBuilder builder, IResourceBuilder<CassandraResource> cassandra, IResourceBuilder<ContainerResource> pushgateway)
    {
        var image = cassandra.Resource.TryGetLastAnnotation<ContainerImageAnnotation>(out var cassandraImage) ? cassandraImage : null;
        var push = pushgateway.Resource.Annotations.OfType<EndpointAnnotation>().First();
        return builder.AddContainer($"{cassandra.Resource.Name}-backup", image!.Image, image.Tag!)
            .WithVolume($"{cassandra.Resource.Name}-backup-data", BackupPath)
            .WithReferenceRelationship(cassandra)
            .WithReferenceRelationship(pushgateway)
            .WithAnnotation(new BackupJobAnnotation
            {
                Of = cassandra.Resource.Name,
                ScriptsFolder = "deploy/cassandra-backup",
                MetricsPushTarget = $"{pushgateway.Resource.Name}:{push.TargetPort}",
            })
            .WithDeployment(d =>
            {
                d.HealthCommand = ["test", "-w", BackupPath];
                // The same user as Cassandra: its snapshot files are readable by their owner only.
                d.UserId = 999;
                d.Cpus = 0.5;
                d.MemoryMiB = 512;
            });
    }
}
