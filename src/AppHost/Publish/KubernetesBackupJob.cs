using ProductStore.AppHost.Hosting;

namespace ProductStore.AppHost.Publish;

/// <summary>
/// A scheduled backup in Kubernetes: a CronJob whose pod reaches each member of the cluster with kubectl exec (snapshot,
/// stream the files off, clear), a claim of its own for the copies, and the one permission that needs (exec into
/// those pods, by name).
/// </summary>
internal static class KubernetesBackupJob
{
    private const string BackupsVolume = "backups";
    private const string ScriptsVolume = "scripts";

    public static IEnumerable<object> For(DeployedResource job, BackupJobAnnotation backup, DeployedResource cluster, string registry, string tag)
    {
        var pods = Enumerable.Range(0, cluster.ClusterSize ?? 1).Select(i => $"{cluster.Name}-{i}").ToList();
        var claim = $"{job.Name}-data";
        yield return Yaml.Map(
            ("apiVersion", "v1"),
            ("kind", "PersistentVolumeClaim"),
            ("metadata", KubernetesWorkloads.Metadata(claim, job.Name)),
            ("spec", Yaml.Map(
                ("accessModes", Yaml.List("ReadWriteOnce")),
                ("resources", Yaml.Map(("requests", Yaml.Map(("storage", $"{backup.VolumeGiB}Gi")))))))); 
        yield return Yaml.Map(
            ("apiVersion", "v1"),
            ("kind", "ServiceAccount"),
            ("metadata", KubernetesWorkloads.Metadata(job.Name)),
            ("automountServiceAccountToken", false));
        yield return Yaml.Map(
            ("apiVersion", "rbac.authorization.k8s.io/v1"),
            ("kind", "Role"),
            ("metadata", KubernetesWorkloads.Metadata(job.Name)),
            ("rules", Yaml.List(
                Yaml.Map(("apiGroups", Yaml.List("")), ("resources", Yaml.List("pods")), ("resourceNames", Yaml.ListOf(pods)), ("verbs", Yaml.List("get"))),
                Yaml.Map(("apiGroups", Yaml.List("")), ("resources", Yaml.List("pods/exec")), ("resourceNames", Yaml.ListOf(pods)), ("verbs", Yaml.List("create", "get"))))));
        yield return Yaml.Map(
            ("apiVersion", "rbac.authorization.k8s.io/v1"),
            ("kind", "RoleBinding"),
            ("metadata", KubernetesWorkloads.Metadata(job.Name)),
            ("roleRef", Yaml.Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "Role"), ("name", job.Name))),
            ("subjects", Yaml.List(Yaml.Map(("kind", "ServiceAccount"), ("name", job.Name), ("namespace", Deployment.Namespace)))));
        yield return CronJob(job, backup, pods, claim);
    }

    /// <summary>
    /// A Job restoring one backup (restore.sh) on the same claim, with the same permissions: a template outside the
    /// kustomization, as secrets.yaml is. The operator fills in the backup and the keyspace, then applies it.
    /// </summary>
    public static object RestoreJobTemplate(DeployedResource job, BackupJobAnnotation backup, DeployedResource cluster)
    {
        var pods = Enumerable.Range(0, cluster.ClusterSize ?? 1).Select(i => $"{cluster.Name}-{i}").ToList();
        var restore = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["RESTORE_BACKUP"] = $"{job.VolumePath}/<UTC time of the backup, as ls {job.VolumePath} shows>",
            ["RESTORE_KEYSPACES"] = "<a keyspace, or --all for the whole cluster>",
        };
        var command = Yaml.List("bash", "-c", $"bash {CassandraBackup.ScriptsPath}/restore.sh \"$RESTORE_BACKUP\" \"$RESTORE_KEYSPACES\"");
        return Yaml.Map(
            ("apiVersion", "batch/v1"),
            ("kind", "Job"),
            ("metadata", KubernetesWorkloads.Metadata($"{cluster.Name}-restore", job.Name)),
            ("spec", Yaml.Map(("backoffLimit", 0), ("template", Pod(job, backup, pods, $"{job.Name}-data", command, restore))))); 
    }

    private static SortedDictionary<string, object> CronJob(DeployedResource job, BackupJobAnnotation backup, IReadOnlyList<string> pods, string claim)
    {
        var pod = Pod(job, backup, pods, claim, Yaml.List("bash", $"{CassandraBackup.ScriptsPath}/backup.sh"), extra: null);
        return Yaml.Map(
            ("apiVersion", "batch/v1"),
            ("kind", "CronJob"),
            ("metadata", KubernetesWorkloads.Metadata(job.Name)),
            ("spec", Yaml.Map(
                ("schedule", backup.CronSchedule),
                ("timeZone", "Etc/UTC"),
                // One at a time: a slow run is not doubled by the next day's.
                ("concurrencyPolicy", "Forbid"),
                ("startingDeadlineSeconds", 3600),
                ("successfulJobsHistoryLimit", 3),
                ("failedJobsHistoryLimit", 3),
                ("jobTemplate", Yaml.Map(("spec", Yaml.Map(
                    ("backoffLimit", 1),
                    ("activeDeadlineSeconds", 6 * 3600),
                    ("template", pod))))))));
    }

    private static SortedDictionary<string, object> Pod(DeployedResource job, BackupJobAnnotation backup, IReadOnlyList<string> pods, string claim,
        List<object> command, SortedDictionary<string, string>? extra)
    {
        var userId = job.UserId ?? throw new InvalidOperationException($"'{job.Name}' needs a UserId.");
        var environment = BackupScripts.Environment(backup, job);
        environment["CASSANDRA_PODS"] = string.Join(' ', pods);
        environment["HOME"] = "/tmp"; // kubectl keeps its cache under $HOME
        foreach (var (name, value) in extra ?? []) environment[name] = value;
        var container = Yaml.Map(
            ("name", job.Name),
            ("image", backup.ClusterControlImage),
            ("imagePullPolicy", "IfNotPresent"),
            ("command", command),
            ("env", Yaml.ListOf(environment.Select(e => Yaml.Map(("name", e.Key), ("value", e.Value))))),
            ("resources", Yaml.Map(
                ("limits", Yaml.Map(("cpu", $"{(int)Math.Round(job.Cpus * 1000)}m"), ("memory", $"{job.MemoryMiB}Mi"))),
                ("requests", Yaml.Map(("cpu", $"{(int)Math.Round(job.Cpus * 250)}m"), ("memory", $"{job.MemoryMiB / 2}Mi"))))),
            ("securityContext", Yaml.Map(
                ("allowPrivilegeEscalation", false),
                ("capabilities", Yaml.Map(("drop", Yaml.List("ALL")))),
                ("readOnlyRootFilesystem", true),
                ("runAsNonRoot", true),
                ("runAsUser", userId))),
            ("volumeMounts", Yaml.List(
                Yaml.Map(("name", BackupsVolume), ("mountPath", job.VolumePath)),
                Yaml.Map(("name", ScriptsVolume), ("mountPath", CassandraBackup.ScriptsPath), ("readOnly", true)),
                Yaml.Map(("name", "tmp"), ("mountPath", "/tmp")))));
        return Yaml.Map(
            ("metadata", Yaml.Map(("labels", KubernetesWorkloads.Labels(job.Name)))),
            ("spec", Yaml.Map(
                ("serviceAccountName", job.Name),
                // kubectl exec needs the job's own token (the Role above); nothing else in the namespace mounts one.
                ("automountServiceAccountToken", true),
                ("enableServiceLinks", false),
                ("restartPolicy", "Never"),
                ("securityContext", KubernetesWorkloads.PodSecurityContext(userId)),
                ("containers", Yaml.List(container)),
                ("volumes", Yaml.List(
                    Yaml.Map(("name", BackupsVolume), ("persistentVolumeClaim", Yaml.Map(("claimName", claim)))),
                    Yaml.Map(("name", ScriptsVolume), ("configMap", Yaml.Map(("name", BackupScripts.ConfigMapName)))),
                    Yaml.Map(("name", "tmp"), ("emptyDir", Yaml.Map())))))));
    }
}
