using ProductStore.AppHost.Hosting;
using ProductStore.AppHost.Publish;
using ProductStore.TestSupport;
using YamlDotNet.RepresentationModel;

namespace ProductStore.Deploy.Tests;

public sealed class KubernetesTests
{
    private static readonly PublishedFiles Files = Published.Fresh("kubernetes");
    private static readonly IReadOnlyList<YamlMappingNode> Objects = Published.KubernetesObjects(Files);
    private static readonly YamlMappingNode Kustomization = Published.Documents(Published.Text(Files, "kustomization.yaml")).Single();

    [Fact]
    public async Task Every_document_validates_against_the_kubernetes_schemas()
    {
        using var output = Published.WriteFresh("kubernetes");
        var documents = Directory.GetFiles(output.Path, "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal)).Order().ToList();

        var (exitCode, log) = await K8sValidator.RunAsync(documents);

        Assert.True(exitCode == 0, log);
        Assert.Contains($"{Objects.Count} documents valid, 0 problems", log);
    }

    [Fact]
    public async Task The_schema_validation_rejects_a_wrong_type()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        var broken = Path.Combine(folder.Path, "broken.yaml");
        await File.WriteAllTextAsync(broken, Published.Text(Files, "orders.yaml").Replace("replicas: 2", "replicas: two", StringComparison.Ordinal));

        var (exitCode, log) = await K8sValidator.RunAsync([broken]);

        Assert.Equal(1, exitCode);
        Assert.Contains("Deployment/orders", log);
    }

    [Fact]
    public async Task Kustomize_builds_the_kustomization_when_kubectl_is_installed()
    {
        using var output = Published.WriteFresh("kubernetes");
        foreach (var resource in Kustomization.Items("resources")) Assert.True(File.Exists(Path.Combine(output.Path, ((YamlScalarNode)resource).Value!)));
        foreach (var file in Kustomization.Items("configMapGenerator").SelectMany(g => g.Items("files"))) Assert.True(File.Exists(Path.Combine(output.Path, ((YamlScalarNode)file).Value!)));
        if (FindOnPath("kubectl") is not { } kubectl) return; // the files it would read exist; without kubectl that is all we can check

        var (exitCode, built) = await Tools.RunAsync(kubectl, ["kustomize", output.Path]);

        Assert.True(exitCode == 0, built);
        var objects = Published.Documents(built);
        Assert.All(objects, o => Assert.Equal(Deployment.Namespace, o.Text("metadata", "namespace") ?? (o.Text("kind") == "Namespace" ? Deployment.Namespace : null)));
        Assert.Equal(MonitoringFiles.Mounts.Select(m => m.ConfigMapName).Append(BackupScripts.ConfigMapName).Order(), objects.Where(o => o.Text("kind") == "ConfigMap").Select(o => o.Text("metadata", "name")).Order());
    }

    [Fact]
    public void Every_container_has_probes_limits_and_a_non_root_user()
    {
        var workloads = Objects.Where(o => o.Text("kind") is "Deployment" or "StatefulSet").ToList();
        Assert.Equal(Deployment.Servers(Published.Model).Select(r => r.Name).Order(), workloads.Select(w => w.Text("metadata", "name")).Order());
        foreach (var workload in workloads)
        {
            var pod = workload.At("spec", "template", "spec");
            Assert.Equal("true", pod.Text("securityContext", "runAsNonRoot"));
            Assert.NotEqual("0", pod.Text("securityContext", "runAsUser"));
            foreach (var container in pod.Items("containers"))
            {
                var name = container.Text("name");
                foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" }) Assert.True(container.At(probe) is not null, $"{name} has no {probe}");
                Assert.NotNull(container.Text("resources", "limits", "cpu"));
                Assert.NotNull(container.Text("resources", "limits", "memory"));
                Assert.NotNull(container.Text("resources", "requests", "cpu"));
                Assert.Equal("true", container.Text("securityContext", "runAsNonRoot"));
                Assert.Equal("false", container.Text("securityContext", "allowPrivilegeEscalation"));
            }
        }
    }

    [Fact]
    public void Services_have_their_probes_a_read_only_root_autoscaling_and_a_disruption_budget()
    {
        foreach (var project in Published.Model.Projects)
        {
            var container = Workload(project.Name).Items("spec", "template", "spec", "containers").Single();
            Assert.Equal(project.LivenessPath, container.Text("livenessProbe", "httpGet", "path"));
            Assert.Equal(project.LivenessPath, container.Text("startupProbe", "httpGet", "path"));
            Assert.Equal(project.HealthPath, container.Text("readinessProbe", "httpGet", "path"));
            Assert.Equal("true", container.Text("securityContext", "readOnlyRootFilesystem"));
            Assert.Contains(container.Items("volumeMounts"), m => m.Text("mountPath") == "/tmp");
            Assert.Equal("RollingUpdate", Workload(project.Name).Text("spec", "strategy", "type"));
            Assert.Single(Objects, o => o.Text("kind") == "HorizontalPodAutoscaler" && o.Text("spec", "scaleTargetRef", "name") == project.Name);
            Assert.Single(Objects, o => o.Text("kind") == "PodDisruptionBudget" && o.Text("metadata", "name") == project.Name);
        }
        Assert.Equal(["gateway"], Objects.Where(o => o.Text("kind") == "Ingress").SelectMany(o => o.Items("spec", "rules")).SelectMany(r => r.Items("http", "paths")).Select(p => p.Text("backend", "service", "name")));
    }

    [Fact]
    public void Services_keep_serving_while_their_pod_leaves_the_endpoints_and_the_grace_period_covers_the_whole_stop()
    {
        foreach (var project in Published.Model.Projects)
        {
            var pod = Workload(project.Name).At("spec", "template", "spec")!;
            var container = ((YamlMappingNode)pod).Items("containers").Single();
            var preStop = container.Items("lifecycle", "preStop", "exec", "command").Select(c => ((YamlScalarNode)c).Value).ToList();
            Assert.Equal(["bash", "-c", "sleep 5"], preStop);
            var environment = container.Items("env").ToDictionary(e => e.Text("name")!, e => e.Text("value"));
            var drain = TimeSpan.Parse(environment["Shutdown__DrainDelay"]!, System.Globalization.CultureInfo.InvariantCulture);
            var shutdown = int.Parse(environment["ShutdownTimeoutSeconds"]!, System.Globalization.CultureInfo.InvariantCulture);
            // preStop's sleep, then the service's own drain, then in-flight requests: all before Kubernetes kills it.
            Assert.True(int.Parse(((YamlMappingNode)pod).Text("terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture)
                > 5 + drain.TotalSeconds + shutdown, project.Name);
        }
    }

    [Fact]
    public void Names_ports_and_addresses_match_the_model()
    {
        foreach (var resource in Deployment.Servers(Published.Model))
        {
            var service = Objects.Single(o => o.Text("kind") == "Service" && o.Text("metadata", "name") == resource.Name);
            var ports = service.Items("spec", "ports").Select(p => (p.Text("name"), int.Parse(p.Text("port")!))).ToList();
            foreach (var port in Deployment.Ports(resource)) Assert.Contains(port, ports);
            Assert.Equal(resource.Name, service.Text("spec", "selector", KubernetesWorkloads.NameLabel));
        }
        foreach (var project in Published.Model.Projects)
        {
            Assert.Contains(("http", 8080), Objects.Single(o => o.Text("kind") == "Service" && o.Text("metadata", "name") == project.Name)
                .Items("spec", "ports").Select(p => (p.Text("name"), int.Parse(p.Text("port")!))));
            var environment = Env(project.Name);
            Assert.Equal(project.Name, environment["OTEL_SERVICE_NAME"]);
            foreach (var reference in project.References) Assert.Equal($"http://{reference}:8080", environment[$"services__{reference}__http__0"]);
            if (project.HasStorage) Assert.Equal("NetworkTopologyStrategy:dc1=3", environment["Storage__Cassandra__Replication"]);
        }
        var cassandra = Workload("cassandra");
        Assert.Equal("StatefulSet", cassandra.Text("kind"));
        Assert.Equal("3", cassandra.Text("spec", "replicas"));
        Assert.Single(cassandra.Items("spec", "volumeClaimTemplates"));
        Assert.Equal("None", Objects.Single(o => o.Text("kind") == "Service" && o.Text("metadata", "name") == "cassandra").Text("spec", "clusterIP"));
    }

    [Fact]
    public void The_gateway_and_the_storefront_read_the_proxy_secret_and_the_storefront_its_key_ring_secret_from_the_operators_secret()
    {
        Assert.Equal("$(PROXY_SECRET)", Env("gateway")["Gateway__ProxySecret"]);
        Assert.Equal("$(PROXY_SECRET)", Env("storefront")["Storefront__ProxySecret"]);
        Assert.Equal("$(STOREFRONT_KEY_RING_SECRET)", Env("storefront")["Storefront__KeyRingSecret"]);
        Assert.Equal(["PROXY_SECRET"], SecretReferences("gateway").Keys);
        Assert.Equal(["PROXY_SECRET", "STOREFRONT_KEY_RING_SECRET"], SecretReferences("storefront").Select(r => r.Key));
        Assert.All(SecretReferences("storefront"), r => Assert.Equal("service-credentials", r.Value));
        // Every replica reads the same ring: none is kept in a pod's own /tmp.
        Assert.DoesNotContain("Storage__DataDirectory", Env("storefront").Keys);
        foreach (var other in new[] { "users", "catalog", "cart", "orders" })
            Assert.DoesNotContain(SecretReferences(other).Keys, k => k is "PROXY_SECRET" or "STOREFRONT_KEY_RING_SECRET");
    }

    [Fact]
    public void Every_referenced_config_map_secret_and_volume_exists()
    {
        var configMaps = Kustomization.Items("configMapGenerator").Select(g => g.Text("name")).ToHashSet();
        var secrets = Objects.Where(o => o.Text("kind") == "Secret").ToDictionary(s => s.Text("metadata", "name")!, s => s.Keys("stringData").ToHashSet());
        var resources = Kustomization.Items("resources").Select(r => ((YamlScalarNode)r).Value).ToHashSet();
        Assert.DoesNotContain(KubernetesPublisher.SecretsTemplate, resources); // applying the kustomization must never blank the real secrets

        foreach (var workload in Objects.Where(o => o.Text("kind") is "Deployment" or "StatefulSet"))
        {
            var pod = workload.At("spec", "template", "spec");
            var volumes = pod.Items("volumes").Select(v => v.Text("name")).Concat(workload.Items("spec", "volumeClaimTemplates").Select(v => v.Text("metadata", "name"))).ToHashSet();
            foreach (var volume in pod.Items("volumes"))
            {
                if (volume.Text("configMap", "name") is { } configMap) Assert.Contains(configMap, configMaps);
                if (volume.Text("secret", "secretName") is { } secret)
                    Assert.All(volume.Items("secret", "items"), i => Assert.Contains(i.Text("key")!, secrets[secret]));
            }
            foreach (var container in pod.Items("containers"))
            {
                foreach (var mount in container.Items("volumeMounts")) Assert.Contains(mount.Text("name"), volumes);
                foreach (var env in container.Items("env").Where(e => e.At("valueFrom", "secretKeyRef") is not null))
                    Assert.Contains(env.Text("valueFrom", "secretKeyRef", "key")!, secrets[env.Text("valueFrom", "secretKeyRef", "name")!]);
            }
        }
        Assert.All(Objects.Where(o => o.Text("kind") == "Secret").SelectMany(s => ((YamlMappingNode)s.At("stringData")!).Children.Values),
            value => Assert.Equal("", ((YamlScalarNode)value).Value));
    }

    [Fact]
    public void Network_policies_admit_exactly_the_calls_in_the_model()
    {
        var policies = Objects.Where(o => o.Text("kind") == "NetworkPolicy").ToList();
        var denyAll = policies.Single(p => p.Text("metadata", "name") == "default-deny-ingress");
        Assert.Empty(((YamlMappingNode)denyAll.At("spec", "podSelector")!).Children);
        Assert.Null(denyAll.At("spec", "ingress"));

        foreach (var resource in Published.Model.Projects)
        {
            var rules = Rules(policies, resource.Name);
            var expected = Published.Model.CallersOf(resource.Name).Select(c => c.Name).Order().ToList();
            if (resource.IsPublic)
            {
                Assert.Contains(rules, r => r.From is null && r.Ports.SequenceEqual([8080]));
                rules = rules.Where(r => r.From is not null).ToList();
            }
            var callers = Assert.Single(rules);
            Assert.Equal(expected, callers.From);
            Assert.Equal([8080], callers.Ports);
        }
        var cassandra = Rules(policies, "cassandra");
        Assert.Contains(cassandra, r => r.Ports.SequenceEqual([9042]) && r.From!.SequenceEqual(Published.Model.Projects.Where(p => p.HasStorage).Select(p => p.Name).Order()));
        Assert.DoesNotContain(cassandra, r => r.From is null);
        Assert.DoesNotContain(cassandra, r => r.From!.Contains("gateway"));

        var scrape = policies.Single(p => p.Text("metadata", "name") == "allow-prometheus-scrape");
        Assert.Empty(((YamlMappingNode)scrape.At("spec", "podSelector")!).Children);
        Assert.Equal(["prometheus"], scrape.Items("spec", "ingress").Single().Items("from").Single().Items("podSelector", "matchExpressions").Single().Items("values").Select(v => ((YamlScalarNode)v).Value));
    }

    private static List<(List<string>? From, List<int> Ports)> Rules(IEnumerable<YamlMappingNode> policies, string app) =>
        policies.Where(p => p.Text("spec", "podSelector", "matchLabels", KubernetesWorkloads.NameLabel) == app)
            .SelectMany(p => p.Items("spec", "ingress"))
            .Select(rule => (
                rule.At("from") is null ? null : rule.Items("from").SelectMany(f => f.Items("podSelector", "matchExpressions")).SelectMany(e => e.Items("values")).Select(v => ((YamlScalarNode)v).Value!).Order().ToList(),
                rule.Items("ports").Select(p => int.Parse(p.Text("port")!)).ToList()))
            .ToList();

    private static YamlMappingNode Workload(string name) =>
        Objects.Single(o => o.Text("kind") is "Deployment" or "StatefulSet" && o.Text("metadata", "name") == name);

    private static Dictionary<string, string> Env(string name) =>
        Workload(name).Items("spec", "template", "spec", "containers").Single().Items("env")
            .Where(e => e.Text("value") is not null).ToDictionary(e => e.Text("name")!, e => e.Text("value")!);

    /// <summary>A workload's variables read from a Secret: variable, Secret name.</summary>
    private static Dictionary<string, string> SecretReferences(string name) =>
        Workload(name).Items("spec", "template", "spec", "containers").Single().Items("env")
            .Where(e => e.At("valueFrom", "secretKeyRef") is not null)
            .ToDictionary(e => e.Text("valueFrom", "secretKeyRef", "key")!, e => e.Text("valueFrom", "secretKeyRef", "name")!);

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, executable)).FirstOrDefault(File.Exists);
}
