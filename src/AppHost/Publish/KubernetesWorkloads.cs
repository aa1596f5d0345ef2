using System.Globalization;
using ProductStore.AppHost.Hosting;
using ProductStore.AppHost.Monitoring;

namespace ProductStore.AppHost.Publish;

/// <summary>The Kubernetes objects of one resource: its workload, Service and, for our services, autoscaler and disruption budget.</summary>
public sealed class KubernetesWorkloads(DeployedModel model, string registry, string tag)
{
    public const string NameLabel = "app.kubernetes.io/name";
    private const int ServiceReplicas = 2;
    private const string DataVolume = "data";
    private const string StorageDatacenter = "dc1";

    /// <summary>Secrets some container reads, by variable: secrets.yaml lists them.</summary>
    public SortedDictionary<string, SecretValue> SecretsUsed { get; } = new(StringComparer.Ordinal);

    public IEnumerable<object> For(DeployedResource resource)
    {
        if (resource.BackupJob is { } job)
        {
            foreach (var document in KubernetesBackupJob.For(resource, job, model[job.Of], registry, tag)) yield return document;
            yield break;
        }
        var clustered = resource.ClusterSize is not null;
        yield return clustered ? StatefulSetFor(resource) : DeploymentFor(resource);
        yield return Service(resource, resource.Name, headless: clustered);
        if (resource.Kind != DeployedKind.Project) yield break;
        yield return Service(resource, InstancesServiceName(resource), headless: true);
        yield return Autoscaler(resource);
        yield return DisruptionBudget(resource);
        if (resource.IsPublic) yield return Ingress(resource);
    }

    public static SortedDictionary<string, object> Metadata(string name, string? app = null) => Yaml.Map(
        ("name", name),
        ("namespace", Deployment.Namespace),
        ("labels", Labels(app ?? name)));

    public static SortedDictionary<string, object> Labels(string app) => Yaml.Map(
        (NameLabel, app),
        ("app.kubernetes.io/part-of", Deployment.Namespace));

    /// <summary>Every pod runs as its image's non-root user, with the runtime's default seccomp profile.</summary>
    public static SortedDictionary<string, object> PodSecurityContext(int userId) => Yaml.Map(
        ("runAsNonRoot", true),
        ("runAsUser", userId),
        ("runAsGroup", userId),
        ("fsGroup", userId),
        ("seccompProfile", Yaml.Map(("type", "RuntimeDefault"))));

    public static SortedDictionary<string, object> Selector(string app) => Yaml.Map(("matchLabels", Yaml.Map((NameLabel, app))));

    private SortedDictionary<string, object> DeploymentFor(DeployedResource resource) => Yaml.Map(
        ("apiVersion", "apps/v1"),
        ("kind", "Deployment"),
        ("metadata", Metadata(resource.Name)),
        ("spec", Yaml.Map(
            ("replicas", resource.Kind == DeployedKind.Project ? ServiceReplicas : 1),
            ("revisionHistoryLimit", 5),
            ("selector", Selector(resource.Name)),
            // Services roll one extra pod at a time and never drop below their replicas; single monitoring pods with
            // a data folder are replaced, not doubled.
            ("strategy", resource.Kind == DeployedKind.Project
                ? Yaml.Map(("type", "RollingUpdate"), ("rollingUpdate", Yaml.Map(("maxSurge", 1), ("maxUnavailable", 0))))
                : Yaml.Map(("type", "Recreate"))),
            ("template", PodTemplate(resource)))));

    private SortedDictionary<string, object> StatefulSetFor(DeployedResource resource) => Yaml.Map(
        ("apiVersion", "apps/v1"),
        ("kind", "StatefulSet"),
        ("metadata", Metadata(resource.Name)),
        ("spec", Yaml.Map(
            ("replicas", resource.ClusterSize!.Value),
            ("serviceName", resource.Name),
            ("podManagementPolicy", "OrderedReady"),
            ("selector", Selector(resource.Name)),
            ("updateStrategy", Yaml.Map(("type", "RollingUpdate"))),
            ("template", PodTemplate(resource)),
            ("volumeClaimTemplates", Yaml.List(Yaml.Map(
                ("metadata", Yaml.Map(("name", DataVolume))),
                ("spec", Yaml.Map(
                    ("accessModes", Yaml.List("ReadWriteOnce")),
                    ("resources", Yaml.Map(("requests", Yaml.Map(("storage", "20Gi"))))))))))))); 

    private SortedDictionary<string, object> PodTemplate(DeployedResource resource)
    {
        var userId = Deployment.UserIdOf(resource)
            ?? throw new InvalidOperationException($"'{resource.Name}' needs a UserId: Kubernetes checks runAsNonRoot by number.");
        var volumes = new List<object>();
        if (resource.Kind == DeployedKind.Project) volumes.Add(Yaml.Map(("name", "tmp"), ("emptyDir", Yaml.Map())));
        if (resource.VolumePath is not null && resource.ClusterSize is null) volumes.Add(Yaml.Map(("name", DataVolume), ("emptyDir", Yaml.Map())));
        foreach (var mount in MonitoringFiles.Mounts.Where(m => m.Resource == resource.Name))
            volumes.Add(Yaml.Map(("name", mount.ConfigMapName), ("configMap", Yaml.Map(("name", mount.ConfigMapName)))));
        if (resource.Name == "alertmanager")
        {
            SecretsUsed[Deployment.TelegramBotToken.Variable] = Deployment.TelegramBotToken;
            volumes.Add(Yaml.Map(("name", "telegram"), ("secret", Yaml.Map(
                ("secretName", Deployment.TelegramBotToken.SecretName),
                ("items", Yaml.List(Yaml.Map(("key", Deployment.TelegramBotToken.Variable), ("path", Path.GetFileName(Deployment.TelegramBotTokenFile)))))))));
        }
        var containers = Deployment.SidecarsOf(model, resource).Prepend(resource).Select(Container).ToList();
        return Yaml.Map(
            ("metadata", Yaml.Map(("labels", Labels(resource.Name)))),
            ("spec", Yaml.Map(
                ("automountServiceAccountToken", false),
                ("enableServiceLinks", false),
                ("securityContext", PodSecurityContext(userId)),
                // Cassandra hands its token ranges over before it stops. Our services sleep in preStop, drain, then finish
                // in-flight requests: the grace period covers all three, with room to spare.
                ("terminationGracePeriodSeconds", resource.ClusterSize is not null ? 120
                    : resource.Kind == DeployedKind.Project ? 2 * Deployment.DrainDelaySeconds + Deployment.ShutdownTimeoutSeconds + 5 : 30),
                ("containers", Yaml.ListOf(containers)),
                ("volumes", volumes.Count > 0 ? volumes : null))));
    }

    private SortedDictionary<string, object> Container(DeployedResource resource)
    {
        var secrets = new SortedDictionary<string, SecretValue>(StringComparer.Ordinal);
        string Secret(SecretValue secret)
        {
            secrets[secret.Variable] = SecretsUsed[secret.Variable] = secret;
            return $"$({secret.Variable})"; // Kubernetes expands variables defined earlier in the list
        }
        var environment = resource.Kind == DeployedKind.Project
            ? Deployment.ProjectEnvironment(resource, model, Secret, StorageDatacenter, $"NetworkTopologyStrategy:{StorageDatacenter}={model[Deployment.Storage].ClusterSize}")
            : ThirdPartyEnvironment(resource, Secret);
        var env = secrets.Values.Select(s => (object)Yaml.Map(
                ("name", s.Variable),
                ("valueFrom", Yaml.Map(("secretKeyRef", Yaml.Map(("name", s.SecretName), ("key", s.Variable)))))))
            .Concat(environment.Select(e => Yaml.Map(("name", e.Key), ("value", e.Value))))
            .ToList();

        var mounts = new List<object>();
        if (resource.Kind == DeployedKind.Project) mounts.Add(Yaml.Map(("name", "tmp"), ("mountPath", "/tmp")));
        if (resource.VolumePath is not null) mounts.Add(Yaml.Map(("name", DataVolume), ("mountPath", resource.VolumePath)));
        foreach (var mount in MonitoringFiles.Mounts.Where(m => m.Resource == resource.Name))
            mounts.Add(Yaml.Map(("name", mount.ConfigMapName), ("mountPath", mount.ContainerPath), ("readOnly", true)));
        if (resource.Name == "alertmanager")
            mounts.Add(Yaml.Map(("name", "telegram"), ("mountPath", Path.GetDirectoryName(Deployment.TelegramBotTokenFile)), ("readOnly", true)));

        var (command, args) = resource.Name switch
        {
            "prometheus" => (null, Yaml.ListOf(Deployment.PrometheusArguments(resource, MonitoringFiles.PrometheusConfigFile))),
            "alertmanager" => (Yaml.ListOf(Deployment.AlertmanagerCommand(resource.VolumePath!, MonitoringFiles.AlertmanagerConfigFile)), null),
            _ when resource.Arguments.Count > 0 => (null, Yaml.ListOf(resource.Arguments)),
            _ => ((List<object>?)null, (List<object>?)null),
        };
        var probes = Probes(resource);
        return Yaml.Map(
            ("name", resource.Name),
            ("image", Deployment.ImageOf(resource, registry, tag)),
            ("imagePullPolicy", "IfNotPresent"),
            ("command", command),
            ("args", args),
            ("env", env.Count > 0 ? env : null),
            ("ports", Yaml.ListOf(Deployment.Ports(resource).Select(p => Yaml.Map(("name", p.Name), ("containerPort", p.Port))))),
            ("startupProbe", probes.Startup),
            ("livenessProbe", probes.Liveness),
            ("readinessProbe", probes.Readiness),
            ("lifecycle", Lifecycle(resource)),
            ("resources", Yaml.Map(
                ("limits", Yaml.Map(("cpu", MilliCpus(resource.Cpus)), ("memory", $"{resource.MemoryMiB}Mi"))),
                ("requests", Yaml.Map(("cpu", MilliCpus(resource.Cpus / 4)), ("memory", $"{resource.MemoryMiB / 2}Mi"))))),
            ("securityContext", Yaml.Map(
                ("allowPrivilegeEscalation", false),
                ("capabilities", Yaml.Map(("drop", Yaml.List("ALL")))),
                ("readOnlyRootFilesystem", resource.Kind == DeployedKind.Project),
                ("runAsNonRoot", true),
                ("runAsUser", Deployment.UserIdOf(resource)))),
            ("volumeMounts", mounts.Count > 0 ? mounts : null));
    }

    /// <summary>
    /// A service keeps serving while Kubernetes removes its pod from every Service's endpoints (which happens in parallel
    /// with SIGTERM, not before it); Cassandra hands its data over.
    /// </summary>
    private static SortedDictionary<string, object>? Lifecycle(DeployedResource resource)
    {
        IReadOnlyList<string>? command = resource.ClusterSize is not null ? ["nodetool", "drain"]
            : resource.Kind == DeployedKind.Project ? ["bash", "-c", $"sleep {Deployment.DrainDelaySeconds}"]
            : null;
        return command is null ? null : Yaml.Map(("preStop", Yaml.Map(("exec", Yaml.Map(("command", Yaml.ListOf(command)))))));
    }

    private static SortedDictionary<string, string> ThirdPartyEnvironment(DeployedResource resource, Func<SecretValue, string> secret)
    {
        var environment = Deployment.ContainerEnvironment(resource, secret);
        if (resource.Name == Deployment.Storage)
        {
            // Members find each other through the first one's stable name; the data center the services' replication names.
            environment["CASSANDRA_DC"] = StorageDatacenter;
            environment["CASSANDRA_RACK"] = "rack1";
            environment["CASSANDRA_ENDPOINT_SNITCH"] = "GossipingPropertyFileSnitch";
            environment["CASSANDRA_SEEDS"] = $"{resource.Name}-0.{resource.Name}.{Deployment.Namespace}.svc.cluster.local";
        }
        return environment;
    }

    /// <summary>Startup gives slow starters time before liveness may restart them; readiness takes the pod out of its Service.</summary>
    private static (object? Startup, object Liveness, object Readiness) Probes(DeployedResource resource)
    {
        if (resource.HealthCommand is { } command)
        {
            var port = Yaml.Map(("tcpSocket", Yaml.Map(("port", Deployment.PortOf(resource)))));
            return (
                With(port, ("periodSeconds", 10), ("failureThreshold", 60)),
                With(port, ("periodSeconds", 15), ("failureThreshold", 4)),
                Yaml.Map(("exec", Yaml.Map(("command", Yaml.ListOf(command)))), ("periodSeconds", 15), ("timeoutSeconds", 10), ("failureThreshold", 3)));
        }
        var healthPort = Deployment.HealthPortOf(resource);
        SortedDictionary<string, object> Get(string path) => Yaml.Map(("httpGet", Yaml.Map(("path", path), ("port", healthPort))), ("timeoutSeconds", 3));
        return (
            With(Get(resource.LivenessPath), ("periodSeconds", 2), ("failureThreshold", 60)),
            With(Get(resource.LivenessPath), ("periodSeconds", 10), ("failureThreshold", 3)),
            With(Get(resource.HealthPath), ("periodSeconds", 5), ("failureThreshold", 3)));
    }

    private static SortedDictionary<string, object> With(SortedDictionary<string, object> probe, params (string Key, object Value)[] settings)
    {
        var copy = new SortedDictionary<string, object>(probe, StringComparer.Ordinal);
        foreach (var (key, value) in settings) copy[key] = value;
        return copy;
    }

    /// <summary>Sidecars' ports too: Prometheus scrapes the exporter through Cassandra's Service.</summary>
    /// <summary>A headless Service whose DNS name lists every replica: Prometheus scrapes each one.</summary>
    public static string InstancesServiceName(DeployedResource resource) => $"{resource.Name}-instances";

    private SortedDictionary<string, object> Service(DeployedResource resource, string name, bool headless)
    {
        var ports = Deployment.SidecarsOf(model, resource).SelectMany(Deployment.Ports).Concat(Deployment.Ports(resource)).ToList();
        return Yaml.Map(
            ("apiVersion", "v1"),
            ("kind", "Service"),
            ("metadata", Metadata(name, resource.Name)),
            ("spec", Yaml.Map(
                ("clusterIP", headless ? "None" : null),
                // Cassandra's members find their seed before any of them is ready.
                ("publishNotReadyAddresses", resource.ClusterSize is not null ? true : null),
                ("selector", Yaml.Map((NameLabel, resource.Name))),
                ("ports", Yaml.ListOf(ports.Select(p => Yaml.Map(("name", p.Name), ("port", p.Port), ("targetPort", p.Name))))))));
    }

    private static SortedDictionary<string, object> Autoscaler(DeployedResource resource) => Yaml.Map(
        ("apiVersion", "autoscaling/v2"),
        ("kind", "HorizontalPodAutoscaler"),
        ("metadata", Metadata(resource.Name)),
        ("spec", Yaml.Map(
            ("scaleTargetRef", Yaml.Map(("apiVersion", "apps/v1"), ("kind", "Deployment"), ("name", resource.Name))),
            ("minReplicas", ServiceReplicas),
            ("maxReplicas", 6),
            ("metrics", Yaml.List(Yaml.Map(
                ("type", "Resource"),
                ("resource", Yaml.Map(("name", "cpu"), ("target", Yaml.Map(("type", "Utilization"), ("averageUtilization", 70))))))))))); 

    private static SortedDictionary<string, object> DisruptionBudget(DeployedResource resource) => Yaml.Map(
        ("apiVersion", "policy/v1"),
        ("kind", "PodDisruptionBudget"),
        ("metadata", Metadata(resource.Name)),
        ("spec", Yaml.Map(("minAvailable", 1), ("selector", Selector(resource.Name)))));

    private static SortedDictionary<string, object> Ingress(DeployedResource resource) => Yaml.Map(
        ("apiVersion", "networking.k8s.io/v1"),
        ("kind", "Ingress"),
        ("metadata", Metadata(resource.Name)),
        ("spec", Yaml.Map(("rules", Yaml.List(Yaml.Map(("http", Yaml.Map(("paths", Yaml.List(Yaml.Map(
            ("path", "/"),
            ("pathType", "Prefix"),
            ("backend", Yaml.Map(("service", Yaml.Map(("name", resource.Name), ("port", Yaml.Map(("name", "http"))))))))))))))))));

    private static string MilliCpus(double cpus) => $"{(int)Math.Round(cpus * 1000)}m";
}
