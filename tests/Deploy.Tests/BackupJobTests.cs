using ProductStore.AppHost.Hosting;
using ProductStore.AppHost.Publish;
using YamlDotNet.RepresentationModel;

namespace ProductStore.Deploy.Tests;

/// <summary>The Cassandra backup job as both publishers write it from the model.</summary>
public sealed class BackupJobTests
{
    private static readonly PublishedFiles Kubernetes = Published.Fresh("kubernetes");
    private static readonly IReadOnlyList<YamlMappingNode> Objects = Published.KubernetesObjects(Kubernetes);
    private static readonly PublishedFiles ComposeFiles = Published.Fresh("compose");
    private static readonly YamlMappingNode Compose = Published.Documents(Published.Text(ComposeFiles, "docker-compose.yml")).Single();

    private static DeployedResource Job => Published.Model.Resources.Single(r => r.BackupJob is not null);

    private static YamlMappingNode Object(string kind, string name) =>
        Objects.Single(o => o.Text("kind") == kind && o.Text("metadata", "name") == name);

    [Fact]
    public void The_model_backs_up_the_cassandra_cluster_daily_at_three_utc_for_thirty_days()
    {
        Assert.Equal(Deployment.Storage, Job.BackupJob!.Of);
        Assert.Equal("0 3 * * *", Job.BackupJob.CronSchedule);
        Assert.Equal(30, Job.BackupJob.RetentionDays);
        Assert.Contains("pushgateway", Job.References);
    }

    [Fact]
    public void Kubernetes_runs_a_cron_job_on_a_claim_of_its_own_allowed_to_exec_into_the_cassandra_pods_only()
    {
        var cronJob = Object("CronJob", Job.Name);
        Assert.Equal("0 3 * * *", cronJob.Text("spec", "schedule"));
        Assert.Equal("Etc/UTC", cronJob.Text("spec", "timeZone"));
        Assert.Equal("Forbid", cronJob.Text("spec", "concurrencyPolicy"));
        var pod = cronJob.At("spec", "jobTemplate", "spec", "template", "spec");
        Assert.Equal(Job.Name, pod.Text("serviceAccountName"));
        var container = pod.Items("containers").Single();
        var env = container.Items("env").ToDictionary(e => e.Text("name")!, e => e.Text("value")!);
        Assert.Equal("cassandra-0 cassandra-1 cassandra-2", env["CASSANDRA_PODS"]);
        Assert.Equal("30", env["BACKUP_RETENTION_DAYS"]);
        Assert.Equal("pushgateway:9091", env["PUSHGATEWAY"]);

        var claim = pod.Items("volumes").Single(v => v.At("persistentVolumeClaim") is not null).Text("persistentVolumeClaim", "claimName");
        Assert.Equal($"{Job.BackupJob!.VolumeGiB}Gi", Object("PersistentVolumeClaim", claim!).Text("spec", "resources", "requests", "storage"));
        var scripts = pod.Items("volumes").Single(v => v.At("configMap") is not null).Text("configMap", "name");
        Assert.Equal(BackupScripts.ConfigMapName, scripts);
        Assert.Contains($"{BackupScripts.Folder}/backup.sh", Kubernetes.Files.Keys);
        Assert.Contains($"{BackupScripts.Folder}/restore.sh", Kubernetes.Files.Keys);

        var rules = Object("Role", Job.Name).Items("rules").ToList();
        Assert.All(rules, r => Assert.Equal(["cassandra-0", "cassandra-1", "cassandra-2"], r.Items("resourceNames").Select(v => ((YamlScalarNode)v).Value)));
        Assert.Contains(rules, r => r.Items("resources").Any(v => ((YamlScalarNode)v).Value == "pods/exec"));
        Assert.Equal(Job.Name, Object("RoleBinding", Job.Name).Text("roleRef", "name"));
    }

    [Fact]
    public void The_restore_job_template_runs_restore_sh_with_the_backup_jobs_claim_and_permissions_outside_the_kustomization()
    {
        var restore = Object("Job", "cassandra-restore");
        var pod = restore.At("spec", "template", "spec");
        var cronPod = Object("CronJob", Job.Name).At("spec", "jobTemplate", "spec", "template", "spec");
        Assert.Equal(Job.Name, pod.Text("serviceAccountName"));
        Assert.Equal(cronPod.Items("volumes").Select(v => v.Text("persistentVolumeClaim", "claimName")), pod.Items("volumes").Select(v => v.Text("persistentVolumeClaim", "claimName")));
        Assert.Contains("restore.sh", string.Join(' ', pod.Items("containers").Single().Items("command").Select(v => ((YamlScalarNode)v).Value)));
        var env = pod.Items("containers").Single().Items("env").Select(e => e.Text("name")).ToList();
        Assert.Contains("RESTORE_BACKUP", env);
        Assert.Contains("RESTORE_KEYSPACES", env);
        var kustomization = Published.Documents(Published.Text(Kubernetes, "kustomization.yaml")).Single();
        Assert.DoesNotContain(KubernetesPublisher.RestoreTemplate, kustomization.Items("resources").Select(v => ((YamlScalarNode)v).Value));
    }

    [Fact]
    public void Compose_runs_the_schedule_beside_cassandra_on_its_data_and_a_backup_volume()
    {
        var service = Compose.At("services", Job.Name);
        Assert.Equal("service:cassandra", service.Text("network_mode"));
        Assert.Equal("0 3 * * *", service.Text("environment", "BACKUP_SCHEDULE"));
        Assert.Contains(CassandraBackup.ScriptsPath + "/schedule.sh", service.Items("entrypoint").Select(v => ((YamlScalarNode)v).Value));
        var volumes = service.Items("volumes").Select(v => ((YamlScalarNode)v).Value).ToList();
        Assert.Contains("cassandra-data:/var/lib/cassandra", volumes);
        Assert.Contains($"{Job.Name}-data:{CassandraBackup.BackupPath}", volumes);
        Assert.NotNull(Compose.At("volumes", $"{Job.Name}-data"));
        Assert.Contains($"{BackupScripts.Folder}/schedule.sh", ComposeFiles.Files.Keys);
    }

    [Fact]
    public void Prometheus_scrapes_the_pushgateway_the_job_reports_to()
    {
        foreach (var files in new[] { Kubernetes, ComposeFiles })
        {
            var prometheus = Published.Documents(Published.Text(files, "prometheus/config/prometheus.yml")).Single();
            var job = prometheus.Items("scrape_configs").Single(j => j.Text("job_name") == "pushgateway");
            Assert.Equal("pushgateway:9091", job.Items("static_configs").Single().Items("targets").Select(t => ((YamlScalarNode)t).Value).Single());
            // The pushed job and store labels are what BackupMissing groups by.
            Assert.Equal("true", job.Text("honor_labels"));
        }
    }
}
