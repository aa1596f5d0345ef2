using ProductStore.AppHost.Hosting;
using ProductStore.AppHost.Publish;
using ProductStore.TestSupport;
using YamlDotNet.RepresentationModel;

namespace ProductStore.Deploy.Tests;

public sealed class ComposeTests
{
    private static readonly PublishedFiles Files = Published.Fresh("compose");
    private static readonly YamlMappingNode Compose = Published.Documents(Published.Text(Files, "docker-compose.yml")).Single();

    [Fact]
    public async Task Docker_compose_accepts_the_file()
    {
        var dockerCompose = Tools.Require("docker-compose");
        using var output = Published.WriteFresh("compose");
        var environment = Path.Combine(output.Path, "test.env");
        await File.WriteAllTextAsync(environment, string.Concat(EnvExampleVariables().Select(v => $"{v}=test-value\n")));

        // Relative paths (build contexts, mounts) resolve from where the file is committed, so that they can be checked.
        var (exitCode, log) = await Tools.RunAsync(dockerCompose,
        [
            "--project-directory", Path.Combine(Published.RepositoryRoot, "deploy", "compose"),
            "--env-file", environment,
            "-f", Path.Combine(output.Path, "docker-compose.yml"),
            "config", "-q",
        ]);

        Assert.True(exitCode == 0, log);
    }

    [Fact]
    public async Task Docker_compose_rejects_the_file_when_a_required_secret_is_not_set()
    {
        var dockerCompose = Tools.Require("docker-compose");
        using var output = Published.WriteFresh("compose");
        var environment = Path.Combine(output.Path, "test.env");
        await File.WriteAllTextAsync(environment, string.Concat(EnvExampleVariables().Where(v => v != "ORDERS_CLIENT_SECRET").Select(v => $"{v}=test-value\n")));

        var (exitCode, log) = await Tools.RunAsync(dockerCompose,
        [
            "--project-directory", Path.Combine(Published.RepositoryRoot, "deploy", "compose"),
            "--env-file", environment,
            "-f", Path.Combine(output.Path, "docker-compose.yml"),
            "config", "-q",
        ]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ORDERS_CLIENT_SECRET", log);
    }

    [Fact]
    public void Every_variable_the_file_requires_is_listed_in_env_example()
    {
        var required = System.Text.RegularExpressions.Regex.Matches(Published.Text(Files, "docker-compose.yml"), @"(?<!\$)\$\{(\w+)[:}]")
            .Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("ORDERS_CLIENT_SECRET", required);
        Assert.Equal(required.Order(), EnvExampleVariables().Order());
    }

    [Fact]
    public void Every_container_has_a_healthcheck_restart_policy_limits_and_rotated_logs()
    {
        foreach (var resource in Published.Model.Resources)
        {
            var service = Compose.At("services", resource.Name);
            Assert.NotNull(service);
            Assert.NotEmpty(service.Items("healthcheck", "test"));
            Assert.Equal("unless-stopped", service.Text("restart"));
            Assert.NotNull(service.Text("deploy", "resources", "limits", "cpus"));
            Assert.NotNull(service.Text("deploy", "resources", "limits", "memory"));
            Assert.Equal("json-file", service.Text("logging", "driver"));
            Assert.NotNull(service.Text("logging", "options", "max-size"));
            Assert.NotNull(service.Text("logging", "options", "max-file"));
        }
    }

    [Fact]
    public void Only_the_gateway_and_the_monitoring_uis_publish_ports()
    {
        var published = Compose.Keys("services")
            .SelectMany(name => Compose.Items("services", name, "ports").Select(p => (name, port: p.Text("published"), target: p.Text("target"))))
            .ToList();
        Assert.Equal(
            [("alertmanager", "9093", "9093"), ("gateway", "8080", "8080"), ("grafana", "3000", "3000"), ("jaeger", "16686", "16686"), ("prometheus", "9090", "9090")],
            published.Order());
        Assert.Equal("true", Compose.Text("networks", "backend", "internal"));
    }

    [Fact]
    public void Services_are_built_from_the_dockerfile_and_wait_for_what_they_reference()
    {
        foreach (var project in Published.Model.Projects)
        {
            var service = Compose.At("services", project.Name);
            Assert.Equal(Deployment.ServiceFolder(project), service.Text("build", "args", "SERVICE"));
            Assert.Equal("Dockerfile", service.Text("build", "dockerfile"));
            Assert.True(File.Exists(Path.Combine(Published.RepositoryRoot, "deploy", "compose", service.Text("build", "context")!, "Dockerfile")));
            Assert.Equal($"${{PRODUCTSTORE_REGISTRY:-productstore}}/{project.Name}:${{PRODUCTSTORE_TAG:-latest}}", service.Text("image"));

            var expected = project.References.Concat(project.HasStorage ? ["cassandra"] : []).Order();
            Assert.Equal(expected, service.Keys("depends_on").Order());
            Assert.All(service.Keys("depends_on"), d => Assert.Equal("service_healthy", service.Text("depends_on", d, "condition")));
        }
    }

    [Fact]
    public void Services_find_their_references_by_container_name_and_store_in_cassandra()
    {
        foreach (var project in Published.Model.Projects)
        {
            var environment = Compose.At("services", project.Name, "environment");
            Assert.Equal(project.Name, environment.Text("OTEL_SERVICE_NAME"));
            Assert.Equal("http://jaeger:4317", environment.Text("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
            Assert.Null(environment.Text("OTEL_EXPORTER_OTLP_ENDPOINT"));
            var references = environment.Keys().Where(k => k.StartsWith("services__", StringComparison.Ordinal)).ToList();
            // The storefront is given the gateway's address, not a reference: the gateway references the storefront.
            var addressed = project.Name == "storefront" ? project.References.Append("gateway").ToList() : project.References;
            Assert.Equal(addressed.Select(r => $"services__{r}__http__0").Order(), references.Order());
            foreach (var reference in addressed) Assert.Equal($"http://{reference}:8080", environment.Text($"services__{reference}__http__0"));
            if (!project.HasStorage) continue;
            Assert.Equal("cassandra", environment.Text("Storage__Provider"));
            Assert.StartsWith("Contact Points=cassandra;Port=9042;Local Datacenter=datacenter1;Username=${CASSANDRA_USERNAME:?", environment.Text("ConnectionStrings__cassandra"));
        }
    }

    [Fact]
    public void The_gateway_and_the_storefront_share_the_proxy_secret_and_the_storefront_derives_its_key_ring_from_a_secret()
    {
        var gateway = Compose.At("services", "gateway", "environment");
        var storefront = Compose.At("services", "storefront", "environment");

        Assert.Equal("${PROXY_SECRET:?see .env.example}", gateway.Text("Gateway__ProxySecret"));
        Assert.Equal("${PROXY_SECRET:?see .env.example}", storefront.Text("Storefront__ProxySecret"));
        Assert.Equal("${STOREFRONT_KEY_RING_SECRET:?see .env.example}", storefront.Text("Storefront__KeyRingSecret"));
        // Nothing of the ring on the container's disk, and nobody else holds either secret.
        Assert.Null(storefront.Text("Storage__DataDirectory"));
        foreach (var other in Published.Model.Resources.Where(r => r.Name is not ("gateway" or "storefront")))
            Assert.DoesNotContain(Compose.At("services", other.Name, "environment").Keys(), k => k.EndsWith("ProxySecret", StringComparison.Ordinal) || k.EndsWith("KeyRingSecret", StringComparison.Ordinal));
    }

    [Fact]
    public void Prometheus_scrapes_containers_and_grafana_reads_container_addresses()
    {
        var prometheus = Published.Documents(Published.Text(Files, "prometheus/config/prometheus.yml")).Single();
        var targets = prometheus.Items("scrape_configs").ToDictionary(j => j.Text("job_name")!, j => j.Items("static_configs").SelectMany(c => c.Items("targets")).Select(t => ((YamlScalarNode)t).Value).Single());
        foreach (var project in Published.Model.Projects.Where(p => p.Name != "gateway")) Assert.Equal($"{project.Name}:8080", targets[project.Name]);
        // The gateway's metrics are on its management listener, which publishes no port.
        Assert.Equal("gateway:8085", targets["gateway"]);
        Assert.Equal("8080;8085", Compose.Text("services", "gateway", "environment", "ASPNETCORE_HTTP_PORTS"));
        Assert.Equal("cassandra:9500", targets["cassandra"]);
        Assert.All(prometheus.Items("rule_files"), r => Assert.StartsWith("/etc/prometheus/rules/", ((YamlScalarNode)r).Value));

        var datasources = Published.Documents(Published.Text(Files, "grafana/provisioning/datasources/datasources.yml")).Single();
        Assert.Equal(["http://jaeger:16686", "http://prometheus:9090"], datasources.Items("datasources").Select(d => d.Text("url")).Order());
    }

    [Fact]
    public void Alertmanager_reads_the_telegram_token_from_a_secret_file()
    {
        var alertmanager = Published.Documents(Published.Text(Files, "alertmanager/config/alertmanager.yml")).Single();
        var telegram = alertmanager.Items("receivers").SelectMany(r => r.Items("telegram_configs")).ToList();
        Assert.NotEmpty(telegram);
        Assert.All(telegram, t =>
        {
            Assert.Null(t.At("bot_token"));
            Assert.Equal(Deployment.TelegramBotTokenFile, t.Text("bot_token_file"));
        });
        Assert.Equal(["telegram_bot_token"], Compose.Items("services", "alertmanager", "secrets").Select(s => ((YamlScalarNode)s).Value));
    }

    private static IEnumerable<string> EnvExampleVariables() =>
        Published.Text(Files, ".env.example").Split('\n').Where(l => l.EndsWith('=')).Select(l => l.TrimEnd('='));
}
