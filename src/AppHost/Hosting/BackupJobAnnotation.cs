namespace ProductStore.AppHost.Hosting;

/// <summary>
/// A resource that is a scheduled backup of another (the Cassandra cluster), not a server: a CronJob in Kubernetes,
/// a container running its own daily schedule in compose. It keeps its copies on a volume of its own.
/// </summary>
public sealed class BackupJobAnnotation : IResourceAnnotation
{
    /// <summary>The resource whose data it copies.</summary>
    public required string Of { get; init; }

    /// <summary>The repository folder holding backup.sh (one run), schedule.sh (compose's daily loop) and restore.sh.</summary>
    public required string ScriptsFolder { get; init; }

    /// <summary>A quiet hour: every day at this time, UTC.</summary>
    public TimeOnly DailyAtUtc { get; init; } = new(3, 0);

    public int RetentionDays { get; init; } = 30;

    /// <summary>Size of the backup volume: 30 daily full copies of every node's SSTables (compressed, a few GiB each today).</summary>
    public int VolumeGiB { get; init; } = 100;

    /// <summary>Where the Kubernetes job runs the script: an image with kubectl and bash, reaching each node through kubectl exec.</summary>
    public string ClusterControlImage { get; init; } = "alpine/k8s:1.33.4";

    /// <summary>Where the job pushes its success time (host:port), which Prometheus scrapes.</summary>
    public string? MetricsPushTarget { get; init; }

    /// <summary>The CronJob's schedule; compose's loop reads the same string.</summary>
    public string CronSchedule => $"{DailyAtUtc.Minute} {DailyAtUtc.Hour} * * *";
}
