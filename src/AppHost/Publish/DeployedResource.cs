using ProductStore.AppHost.Hosting;

namespace ProductStore.AppHost.Publish;

public enum DeployedKind
{
    /// <summary>One of our .NET services, run from its container image.</summary>
    Project,
    /// <summary>Prometheus or Alertmanager: a third-party server with configuration from this repository.</summary>
    Monitoring,
    /// <summary>Another third-party server (Cassandra, Grafana, Jaeger).</summary>
    Container,
}

/// <summary>A value of a service's environment as the model states it, before a deployment writes it in its syntax.</summary>
public abstract record DeployedValue
{
    public sealed record Literal(string Value) : DeployedValue;

    /// <summary>The address of another resource's main endpoint (a reference).</summary>
    public sealed record EndpointOf(string Resource) : DeployedValue;

    /// <summary>A secret parameter: the deployment supplies its value.</summary>
    public sealed record Secret(string Parameter, string Description) : DeployedValue;

    /// <summary>A database's connection string: the deployment adds credentials.</summary>
    public sealed record ConnectionStringOf(string Resource) : DeployedValue;
}

/// <summary>
/// One resource of the Aspire model as our publishers read it: its endpoints, references, probes, image, volume and
/// environment from Aspire's annotations, the rest from <see cref="DeploymentAnnotation"/>. Read from the model, never written by hand.
/// </summary>
public sealed record DeployedResource(string Name, DeployedKind Kind, int DefaultPort)
{
    /// <summary>The project file, relative to the repository root (projects only).</summary>
    public string? ProjectPath { get; init; }

    /// <summary>Resources this one calls or reads, by name (the database apart: <see cref="HasStorage"/>).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    public string HealthPath { get; init; } = "/health/ready";

    public string LivenessPath { get; init; } = "/health/live";

    /// <summary>Has a database of its own: a keyspace in the cluster.</summary>
    public bool HasStorage { get; init; }

    /// <summary>Container image of a third-party resource.</summary>
    public string? Image { get; init; }

    /// <summary>Folder (relative to the repository root) with the Dockerfile of a third-party resource we build ourselves.</summary>
    public string? BuildContext { get; init; }

    /// <summary>Further ports a deployment opens, by endpoint name.</summary>
    public IReadOnlyDictionary<string, int> ExtraPorts { get; init; } = new Dictionary<string, int>();

    /// <summary>The port of a separate management listener (/metrics, detailed health), when the resource has one.</summary>
    public int? ManagementPort => ExtraPorts.TryGetValue(ServiceProjects.ManagementEndpoint, out var port) ? port : null;

    /// <summary>Where the container keeps state that should survive a restart.</summary>
    public string? VolumePath { get; init; }

    public IReadOnlyDictionary<string, DeployedValue> Environment { get; init; } = new Dictionary<string, DeployedValue>();

    public DeploymentAnnotation Deployment { get; init; } = new();

    /// <summary>The container's arguments, when the model gives it any.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Set when this resource is a scheduled backup, not a server.</summary>
    public BackupJobAnnotation? BackupJob { get; init; }

    public bool IsPublic => Deployment.IsPublic;

    public int? HealthPort => Deployment.HealthPort;

    public IReadOnlyList<string>? HealthCommand => Deployment.HealthCommand;

    public HealthProbeTool HealthProbe => Deployment.HealthProbe;

    public int? ClusterSize => Deployment.ClusterSize;

    public string? SidecarOf => Deployment.SidecarOf;

    public string? MetricsJob => Deployment.MetricsJob;

    public int? UserId => Deployment.UserId;

    public double Cpus => Deployment.Cpus;

    public int MemoryMiB => Deployment.MemoryMiB;
}
