namespace ProductStore.AppHost.Hosting;

/// <summary>How a container's health endpoint is probed from inside it: the tools its image ships.</summary>
public enum HealthProbeTool
{
    /// <summary>bash's /dev/tcp: the .NET runtime images have bash but no curl or wget.</summary>
    BashTcp,
    /// <summary>busybox wget: the Prometheus, Grafana and Jaeger images.</summary>
    Wget,
}

/// <summary>
/// What only a deployment needs to know about a resource (limits, user, exposure, clustering), beside what Aspire's own
/// annotations say (image, endpoints, volumes, probes, environment). Our compose and Kubernetes publishers read it.
/// </summary>
public sealed class DeploymentAnnotation : IResourceAnnotation
{
    /// <summary>Reachable from outside the deployment; everything else talks on the internal network only.</summary>
    public bool IsPublic { get; set; }

    /// <summary>A third-party monitoring server configured from this repository (Prometheus, Alertmanager).</summary>
    public bool IsMonitoring { get; set; }

    /// <summary>CPU limit of one instance, in cores.</summary>
    public double Cpus { get; set; } = 1;

    /// <summary>Memory limit of one instance.</summary>
    public int MemoryMiB { get; set; } = 512;

    /// <summary>The image's non-root user id: Kubernetes needs a number to enforce runAsNonRoot.</summary>
    public int? UserId { get; set; }

    public HealthProbeTool HealthProbe { get; set; } = HealthProbeTool.BashTcp;

    /// <summary>A command whose success means ready, for servers without an HTTP health endpoint.</summary>
    public IReadOnlyList<string>? HealthCommand { get; set; }

    /// <summary>The port the health endpoints answer on, when it is not the main one.</summary>
    public int? HealthPort { get; set; }

    /// <summary>A cluster of this many members with stable identities and a disk each (a StatefulSet in Kubernetes).</summary>
    public int? ClusterSize { get; set; }

    /// <summary>Runs beside this resource, sharing its network (the exporter reads Cassandra's local-only JMX).</summary>
    public string? SidecarOf { get; set; }

    /// <summary>The Prometheus job that scrapes it, when the repository's prometheus.yml does not name one after it.</summary>
    public string? MetricsJob { get; set; }

    /// <summary>Its series carry the job and labels of whoever pushed them (a Pushgateway): Prometheus keeps them (honor_labels).</summary>
    public bool KeepsPushedLabels { get; set; }
}

public static class DeploymentAnnotationExtensions
{
    public static IResourceBuilder<T> WithDeployment<T>(this IResourceBuilder<T> builder, Action<DeploymentAnnotation> configure)
        where T : IResource
    {
        if (!builder.Resource.TryGetLastAnnotation<DeploymentAnnotation>(out var deployment))
        {
            deployment = new DeploymentAnnotation();
            builder.WithAnnotation(deployment);
        }
        configure(deployment);
        return builder;
    }
}
