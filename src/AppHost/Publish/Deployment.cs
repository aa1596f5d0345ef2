using ProductStore.AppHost.Hosting;
using ProductStore.AppHost.Monitoring;

namespace ProductStore.AppHost.Publish;

/// <summary>A secret a deployment needs: the variable it arrives in, the Kubernetes Secret holding it, what it is.</summary>
public sealed record SecretValue(string Variable, string SecretName, string Description);

/// <summary>
/// What every container deployment of the model shares, whatever writes it down: ports and addresses on the
/// container network, images, the services' settings and secrets. Compose and Kubernetes differ in syntax only.
/// </summary>
public static class Deployment
{
    public const string Namespace = "productstore";

    /// <summary>Every service listens on the .NET images' default port inside its container.</summary>
    public const int ProjectPort = 8080;

    /// <summary>
    /// How long a stopping service stays not-ready yet serving (Shutdown__DrainDelay), so that traffic moves off it
    /// before it stops accepting; Kubernetes also sleeps this long in preStop while its endpoints are removed.
    /// </summary>
    public const int DrainDelaySeconds = 5;

    /// <summary>How long in-flight requests may finish once a service stops accepting (ShutdownTimeoutSeconds).</summary>
    public const int ShutdownTimeoutSeconds = 20;

    /// <summary>APP_UID of the official .NET images, which the Dockerfile runs as.</summary>
    public const int ProjectUserId = 1654;

    /// <summary>The database every service with storage uses in a deployment.</summary>
    public const string Storage = "cassandra";

    /// <summary>Receives every service's traces over OTLP (its <c>otlp-grpc</c> and <c>otlp-http</c> ports).</summary>
    public const string TelemetryCollector = "jaeger";

    public static readonly SecretValue CassandraUsername = new("CASSANDRA_USERNAME", "cassandra-credentials", "user the services log in to Cassandra with");
    public static readonly SecretValue CassandraPassword = new("CASSANDRA_PASSWORD", "cassandra-credentials", "password of that Cassandra user");
    public static readonly SecretValue GrafanaAdminPassword = new("GRAFANA_ADMIN_PASSWORD", "grafana-admin", "password of Grafana's admin user");
    public static readonly SecretValue TelegramChatId = new("TELEGRAM_CHAT_ID", "alertmanager-telegram", "Telegram chat that receives alerts (a number)");
    public static readonly SecretValue TelegramBotToken = new("TELEGRAM_BOT_TOKEN", "alertmanager-telegram", "token of the Telegram bot that sends alerts");

    /// <summary>Where Alertmanager reads the bot token: a file, never a value in its configuration.</summary>
    public const string TelegramBotTokenFile = "/run/secrets/telegram_bot_token";

    /// <summary>A secret parameter of the model (a service client's secret): the deployment supplies it.</summary>
    public static SecretValue SecretOf(DeployedValue.Secret parameter) => new(Variable(parameter.Parameter), "service-credentials", parameter.Description);

    public static int PortOf(DeployedResource resource) => resource.Kind == DeployedKind.Project ? ProjectPort : resource.DefaultPort;

    public static int HealthPortOf(DeployedResource resource) => resource.HealthPort ?? PortOf(resource);

    /// <summary>Where Prometheus scrapes: the management listener when there is one (the gateway's), else the main port.</summary>
    public static int MetricsPortOf(DeployedResource resource) => resource.ManagementPort ?? PortOf(resource);

    public static int? UserIdOf(DeployedResource resource) => resource.Kind == DeployedKind.Project ? ProjectUserId : resource.UserId;

    /// <summary>The main port is named <c>http</c> (<c>cql</c> for the database, <c>metrics</c> for an exporter); extra ports by their own names.</summary>
    public static IReadOnlyList<(string Name, int Port)> Ports(DeployedResource resource) =>
        resource.ExtraPorts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))
            .Prepend((MainPortName(resource), PortOf(resource))).ToList();

    public static string MainPortName(DeployedResource resource) =>
        resource.Name == Storage ? "cql" : resource.MetricsJob is not null ? "metrics" : "http";

    public static string EndpointOf(DeployedResource resource) => $"http://{resource.Name}:{PortOf(resource)}";

    /// <summary>The folder under src/ that the Dockerfile's SERVICE argument names.</summary>
    public static string ServiceFolder(DeployedResource project) => Path.GetFileName(Path.GetDirectoryName(project.ProjectPath!))!;

    public static string ImageOf(DeployedResource resource, string registry, string tag) =>
        resource.Image ?? $"{registry}/{resource.Name}:{tag}";

    /// <summary>Resources that run in containers of their own (sidecars live in their host's pod or network).</summary>
    public static IEnumerable<DeployedResource> Workloads(DeployedModel model) => model.Resources.Where(r => r.SidecarOf is null);

    /// <summary>Workloads that serve (a Deployment or StatefulSet with a Service), as opposed to scheduled jobs.</summary>
    public static IEnumerable<DeployedResource> Servers(DeployedModel model) => Workloads(model).Where(r => r.BackupJob is null);

    public static IEnumerable<DeployedResource> SidecarsOf(DeployedModel model, DeployedResource host) => model.Resources.Where(r => r.SidecarOf == host.Name);

    /// <summary>
    /// A service's variables in a container deployment: the model's own with container addresses, plus Cassandra storage
    /// and OTLP export. Secrets are references in the deployment's syntax.
    /// </summary>
    public static SortedDictionary<string, string> ProjectEnvironment(
        DeployedResource project, DeployedModel model, Func<SecretValue, string> secret, string localDatacenter, string replication)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in project.Environment)
        {
            environment[name] = value switch
            {
                DeployedValue.Literal literal => literal.Value,
                DeployedValue.EndpointOf reference => EndpointOf(model[reference.Resource]),
                DeployedValue.Secret parameter => secret(SecretOf(parameter)),
                DeployedValue.ConnectionStringOf => "", // written below, with the deployment's credentials
                _ => throw new InvalidOperationException($"{project.Name}: {name} has no deployment form."),
            };
        }
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Shutdown__DrainDelay"] = TimeSpan.FromSeconds(DrainDelaySeconds).ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        environment["ShutdownTimeoutSeconds"] = ShutdownTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // One listener per endpoint: the main port, and the management one where there is one.
        environment["ASPNETCORE_HTTP_PORTS"] = string.Join(';', project.ExtraPorts.Values.Order().Prepend(ProjectPort));
        var collector = model[TelemetryCollector];
        // Jaeger receives traces only: metrics are scraped by Prometheus, logs stay on the console.
        environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = $"http://{collector.Name}:{collector.ExtraPorts["otlp-grpc"]}";
        if (project.HasStorage)
        {
            var storage = model[Storage];
            environment["Storage__Provider"] = "cassandra";
            environment["Storage__Cassandra__Replication"] = replication;
            environment["ConnectionStrings__cassandra"] =
                $"Contact Points={storage.Name};Port={PortOf(storage)};Local Datacenter={localDatacenter};" +
                $"Username={secret(CassandraUsername)};Password={secret(CassandraPassword)}";
        }
        return environment;
    }

    /// <summary>A third-party container's variables: the model's own, plus the secrets and settings its image reads.</summary>
    public static SortedDictionary<string, string> ContainerEnvironment(DeployedResource resource, Func<SecretValue, string> secret)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in resource.Environment)
            environment[name] = value is DeployedValue.Literal literal ? literal.Value : throw new InvalidOperationException($"{resource.Name}: {name} is not a literal.");
        switch (resource.Name)
        {
            case "alertmanager":
                environment[TelegramChatId.Variable] = secret(TelegramChatId);
                break;
            case "grafana":
                environment["GF_SECURITY_ADMIN_PASSWORD"] = secret(GrafanaAdminPassword);
                environment["GF_USERS_ALLOW_SIGN_UP"] = "false";
                break;
            case Storage:
                environment["CASSANDRA_CLUSTER_NAME"] = Namespace;
                break;
        }
        return environment;
    }

    /// <summary>Starts Alertmanager with the chat id filled in from the environment: its configuration has no file or variable for it.</summary>
    public static IReadOnlyList<string> AlertmanagerCommand(string dataPath, string configFile, string dollar = "$") =>
    [
        "/bin/sh", "-c",
        $"sed \"s/chat_id: .*/chat_id: {dollar}{{{TelegramChatId.Variable}:?{TelegramChatId.Variable} is not set}}/\" {configFile} > {dataPath}/alertmanager.yml" +
        $" && exec /bin/alertmanager --config.file={dataPath}/alertmanager.yml --storage.path={dataPath} --cluster.listen-address=",
    ];

    public static IReadOnlyList<string> PrometheusArguments(DeployedResource prometheus, string configFile) =>
    [
        $"--config.file={configFile}",
        $"--storage.tsdb.path={prometheus.VolumePath}",
        $"--web.listen-address=:{PortOf(prometheus)}",
    ];

    private static string Variable(string name) => name.ToUpperInvariant().Replace('-', '_');
}
