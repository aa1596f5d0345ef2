using System.Globalization;
using ProductStore.AppHost.Hosting;

namespace ProductStore.AppHost.Publish;

/// <summary>The backup job's scripts, copied from the repository into a deployment, and the settings they read.</summary>
public static class BackupScripts
{
    public const string Folder = "cassandra-backup";
    public const string ConfigMapName = "cassandra-backup-scripts";

    public static IReadOnlyList<string> AddTo(PublishedFiles files, string repositoryRoot, DeployedModel model)
    {
        var added = new List<string>();
        foreach (var job in model.Resources.Select(r => r.BackupJob).OfType<BackupJobAnnotation>())
        {
            foreach (var script in Directory.GetFiles(Path.Combine(repositoryRoot, job.ScriptsFolder), "*.sh").Order(StringComparer.Ordinal))
            {
                var path = $"{Folder}/{Path.GetFileName(script)}";
                files.Copy(path, script);
                added.Add(path);
            }
        }
        return added;
    }

    public static SortedDictionary<string, string> Environment(BackupJobAnnotation job, DeployedResource resource)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["BACKUP_ROOT"] = resource.VolumePath!,
            ["BACKUP_RETENTION_DAYS"] = job.RetentionDays.ToString(CultureInfo.InvariantCulture),
            ["BACKUP_SCHEDULE"] = job.CronSchedule,
        };
        if (job.MetricsPushTarget is { } push) environment["PUSHGATEWAY"] = push;
        return environment;
    }
}
