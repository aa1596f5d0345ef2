namespace ProductStore.AppHost.Model;

public enum ResourceKind
{
    /// <summary>One of our .NET services, run from its build output or its container image.</summary>
    Project,
    /// <summary>Prometheus or Alertmanager: a third-party server with configuration from this repository.</summary>
    Monitoring,
    /// <summary>A third-party server only deployments run (Cassandra, Grafana, Jaeger): run mode leaves it out.</summary>
    Container,
}

/// <summary>How a container's health endpoint is probed from inside it: the tools its image ships.</summary>
public enum HealthProbe
{
    /// <summary>bash's /dev/tcp: the .NET runtime images have bash but no curl or wget.</summary>
    BashTcp,
    /// <summary>busybox wget: the Prometheus, Grafana and Jaeger images.</summary>
    Wget,
}

/// <summary>
/// One thing the topology runs. Plain data: run mode and the publishers read it; nothing here starts anything.
/// </summary>
public sealed record Resource(string Name, ResourceKind Kind, int DefaultPort)
{
    /// <summary>The project file, relative to the repository root (projects only).</summary>
    public string? ProjectPath { get; init; }

    /// <summary>Services this one calls: each becomes <c>services__{name}__http__0</c>, and this one starts after them.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    public string HealthPath { get; init; } = "/health/ready";

    public string LivenessPath { get; init; } = "/health/live";

    /// <summary>Reachable from outside the deployment; everything else talks on the internal network only.</summary>
    public bool IsPublic { get; init; }

    /// <summary>Calls internal endpoints, so it gets client credentials that Users exchanges for service tokens.</summary>
    public bool UsesServiceToken { get; init; }

    /// <summary>Signs tokens: gets every other service's client secret.</summary>
    public bool IssuesTokens { get; init; }

    /// <summary>Has a database of its own (named after the resource).</summary>
    public bool HasStorage { get; init; }

    /// <summary>Container image of a third-party resource.</summary>
    public string? Image { get; init; }

    /// <summary>Folder (relative to the repository root) with the Dockerfile of a third-party resource we build ourselves.</summary>
    public string? BuildContext { get; init; }

    /// <summary>The port the health endpoints answer on, when it is not the main one.</summary>
    public int? HealthPort { get; init; }

    /// <summary>A command whose success means ready, for servers without an HTTP health endpoint.</summary>
    public IReadOnlyList<string>? HealthCommand { get; init; }

    public HealthProbe HealthProbe { get; init; } = HealthProbe.BashTcp;

    /// <summary>Further ports a deployment opens, by name (the main one is named <c>http</c>).</summary>
    public IReadOnlyDictionary<string, int> ExtraPorts { get; init; } = new Dictionary<string, int>();

    /// <summary>Where the container keeps state that should survive a restart.</summary>
    public string? VolumePath { get; init; }

    /// <summary>A cluster of this many members with stable identities and a disk each (a StatefulSet in Kubernetes).</summary>
    public int? ClusterSize { get; init; }

    /// <summary>Runs beside this resource, sharing its network (the exporter reads Cassandra's local-only JMX).</summary>
    public string? SidecarOf { get; init; }

    /// <summary>The Prometheus job that scrapes it, when the repository's prometheus.yml does not name one after it.</summary>
    public string? MetricsJob { get; init; }

    /// <summary>The image's non-root user id: Kubernetes needs a number to enforce runAsNonRoot.</summary>
    public int? UserId { get; init; }

    /// <summary>CPU limit of one instance, in cores.</summary>
    public double Cpus { get; init; } = 1;

    /// <summary>Memory limit of one instance.</summary>
    public int MemoryMiB { get; init; } = 512;

    /// <summary>Fixed settings of this resource, on top of the Aspire-style variables every service gets.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
