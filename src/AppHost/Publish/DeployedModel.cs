#pragma warning disable ASPIREPROBES001 // The probes are what a deployment checks.
using ProductStore.AppHost.Hosting;

namespace ProductStore.AppHost.Publish;

/// <summary>The Aspire model's resources as the publishers and the monitoring configuration read them, in an order where
/// everything comes after what it references (ties by name, so every output is deterministic).</summary>
public sealed class DeployedModel
{
    private readonly Dictionary<string, DeployedResource> _byName;

    public DeployedModel(IEnumerable<DeployedResource> resources)
    {
        _byName = resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        Resources = TopologicalOrder();
    }

    public IReadOnlyList<DeployedResource> Resources { get; }

    public IEnumerable<DeployedResource> Projects => Resources.Where(r => r.Kind == DeployedKind.Project);

    public DeployedResource this[string name] => _byName.TryGetValue(name, out var resource)
        ? resource
        : throw new KeyNotFoundException($"No resource named '{name}'.");

    /// <summary>The resources that reference <paramref name="name"/>: who calls it.</summary>
    public IEnumerable<DeployedResource> CallersOf(string name) => Resources.Where(r => r.References.Contains(name));

    /// <summary>Reads the model as a deployment sees it: environment callbacks run in <paramref name="context"/>.</summary>
    public static async Task<DeployedModel> ReadAsync(
        IEnumerable<IResource> resources, DistributedApplicationExecutionContext context, string repositoryRoot)
    {
        var deployed = new List<DeployedResource>();
        foreach (var resource in resources)
        {
            if (resource is ParameterResource) continue;
            deployed.Add(await ReadAsync(resource, context, repositoryRoot));
        }
        return new DeployedModel(deployed);
    }

    /// <summary>Only names, ports and deployment settings: what run mode's Prometheus configuration needs.</summary>
    public static DeployedModel ReadEndpoints(IEnumerable<IResource> resources) => new(
        resources.Where(r => r.Annotations.OfType<EndpointAnnotation>().Any()).Select(r => new DeployedResource(
            r.Name, DeployedKind.Container, r.Annotations.OfType<EndpointAnnotation>().First() is var main ? main.Port ?? main.TargetPort ?? 0 : 0)
        {
            ExtraPorts = ExtraPortsOf(r.Annotations.OfType<EndpointAnnotation>()),
            Deployment = r.TryGetLastAnnotation<DeploymentAnnotation>(out var deployment) ? deployment : new DeploymentAnnotation(),
        }));

    private static Dictionary<string, int> ExtraPortsOf(IEnumerable<EndpointAnnotation> endpoints) =>
        endpoints.Skip(1).ToDictionary(e => e.Name, e => e.TargetPort ?? e.Port!.Value);

    private static async Task<DeployedResource> ReadAsync(IResource resource, DistributedApplicationExecutionContext context, string repositoryRoot)
    {
        var deployment = resource.TryGetLastAnnotation<DeploymentAnnotation>(out var annotation) ? annotation : new DeploymentAnnotation();
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        var backupJob = resource.TryGetLastAnnotation<BackupJobAnnotation>(out var job) ? job : null;
        var main = endpoints.FirstOrDefault();
        if (main is null && backupJob is null) throw new InvalidOperationException($"'{resource.Name}' has no endpoint.");
        var referenced = resource.Annotations.OfType<ResourceRelationshipAnnotation>()
            .Where(r => r.Type == "Reference" && r.Resource is not ParameterResource).Select(r => r.Resource).ToList();
        var probes = resource.Annotations.OfType<EndpointProbeAnnotation>().ToDictionary(p => p.Type, p => p.Path);
        var image = resource.TryGetLastAnnotation<ContainerImageAnnotation>(out var imageAnnotation) ? imageAnnotation : null;
        var dockerfile = resource.TryGetLastAnnotation<DockerfileBuildAnnotation>(out var build) ? build : null;
        return new DeployedResource(
            resource.Name,
            resource is ServiceProjectResource ? DeployedKind.Project : deployment.IsMonitoring ? DeployedKind.Monitoring : DeployedKind.Container,
            main is null ? 0 : main.Port ?? main.TargetPort ?? throw new InvalidOperationException($"'{resource.Name}' has no port."))
        {
            ProjectPath = resource is ServiceProjectResource project ? Relative(repositoryRoot, project.ProjectPath) : null,
            References = referenced.Where(r => r is not IResourceWithConnectionString).Select(r => r.Name).Distinct().ToList(),
            HasStorage = referenced.Any(r => r is IResourceWithConnectionString),
            HealthPath = probes.GetValueOrDefault(ProbeType.Readiness, "/health/ready"),
            // One probe where both would ask the same path: Aspire keeps one health check per endpoint and path.
            LivenessPath = probes.GetValueOrDefault(ProbeType.Liveness) ?? probes.GetValueOrDefault(ProbeType.Readiness) ?? "/health/live",
            Image = dockerfile is null && image is not null ? $"{image.Image}:{image.Tag}" : null,
            BuildContext = dockerfile is null ? null : Relative(repositoryRoot, dockerfile.ContextPath),
            ExtraPorts = ExtraPortsOf(endpoints),
            VolumePath = resource.Annotations.OfType<ContainerMountAnnotation>().FirstOrDefault()?.Target,
            Environment = await EnvironmentAsync(resource, context),
            Deployment = deployment,
            Arguments = resource is ContainerResource ? await ArgumentsAsync(resource, context) : [],
            BackupJob = backupJob,
        };
    }

    private static async Task<IReadOnlyList<string>> ArgumentsAsync(IResource resource, DistributedApplicationExecutionContext context)
    {
        var arguments = new List<object>();
        var callbackContext = new CommandLineArgsCallbackContext(arguments, resource) { ExecutionContext = context };
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>()) await callback.Callback(callbackContext);
        return arguments.Select(a => a as string ?? throw new InvalidOperationException($"'{resource.Name}' has an argument the publishers cannot write.")).ToList();
    }

    private static async Task<IReadOnlyDictionary<string, DeployedValue>> EnvironmentAsync(IResource resource, DistributedApplicationExecutionContext context)
    {
        var variables = new Dictionary<string, object>();
        var callbackContext = new EnvironmentCallbackContext(context, resource, variables);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>()) await callback.Callback(callbackContext);
        return variables.ToDictionary(v => v.Key, v => (DeployedValue)(v.Value switch
        {
            string literal => new DeployedValue.Literal(literal),
            EndpointReference endpoint => new DeployedValue.EndpointOf(endpoint.Resource.Name),
            ParameterResource { Secret: true } secret => new DeployedValue.Secret(secret.Name, secret.Description ?? secret.Name),
            IResourceWithConnectionString database => new DeployedValue.ConnectionStringOf(database.Name),
            ConnectionStringReference reference => new DeployedValue.ConnectionStringOf(reference.Resource.Name),
            var other => throw new InvalidOperationException(
                $"'{resource.Name}' sets {v.Key} to a {other.GetType().Name}, which the publishers cannot write."),
        }));
    }

    private static string Relative(string repositoryRoot, string path) =>
        Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/');

    private List<DeployedResource> TopologicalOrder()
    {
        var ordered = new List<DeployedResource>();
        var state = new Dictionary<string, bool>(); // false: visiting, true: done
        foreach (var resource in _byName.Values.OrderBy(r => r.Name, StringComparer.Ordinal)) Visit(resource);
        return ordered;

        void Visit(DeployedResource resource)
        {
            if (state.TryGetValue(resource.Name, out var done))
            {
                if (!done) throw new InvalidOperationException($"The references of '{resource.Name}' form a cycle.");
                return;
            }
            state[resource.Name] = false;
            foreach (var reference in resource.References.Order(StringComparer.Ordinal)) Visit(_byName[reference]);
            state[resource.Name] = true;
            ordered.Add(resource);
        }
    }
}
