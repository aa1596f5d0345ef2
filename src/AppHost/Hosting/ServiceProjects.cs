#pragma warning disable ASPIREPROBES001 // Probes are what the Kubernetes publisher writes; run mode turns them into health checks.

namespace ProductStore.AppHost.Hosting;

public static class ServiceProjects
{
    /// <summary>
    /// A service of ours on a fixed port (overridable, <see cref="AppHostSettings.PortOf"/>), with its health endpoints as
    /// readiness and liveness probes, telemetry to the dashboard, and of its references only the Aspire service-discovery
    /// variables (<c>services__catalog__http__0</c>) and connection strings.
    /// </summary>
    public static IResourceBuilder<ServiceProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder, string name, int port)
        where TProject : IProjectMetadata, new()
    {
        var resource = new ServiceProjectResource(name, new TProject().ProjectPath);
        var service = builder.AddResource(resource)
            .WithArgs(resource.AssemblyPath(AppHostSettings.BuildConfiguration))
            .WithHttpEndpoint(port: builder.PortOf(name, port), isProxied: false)
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ServiceDiscovery | ReferenceEnvironmentInjectionFlags.ConnectionString)
            .WithHttpProbe(ProbeType.Readiness, "/health/ready")
            .WithHttpProbe(ProbeType.Liveness, "/health/live")
            .WithEnvironment("OTEL_SERVICE_NAME", name)
            .WithManifestPublishingCallback(context => WriteProjectAsync(context, resource));
        if (builder.ExecutionContext.IsRunMode) service.WithRunModeEnvironment(builder);
        return service;
    }

    /// <summary>The endpoint of the gateway's management listener: /metrics and the detailed health report.</summary>
    public const string ManagementEndpoint = "management";

    /// <summary>
    /// A second listener for /metrics and the detailed health report (<c>Gateway__ManagementPort</c>), on port
    /// <c>Ports:&lt;name&gt;-management</c>: Prometheus scrapes it and probes ask it; deployments never publish it.
    /// </summary>
    public static IResourceBuilder<ServiceProjectResource> WithManagementEndpoint(this IResourceBuilder<ServiceProjectResource> service, int port)
    {
        var managementPort = service.ApplicationBuilder.PortOf($"{service.Resource.Name}-{ManagementEndpoint}", port);
        return service
            .WithHttpEndpoint(port: managementPort, isProxied: false, name: ManagementEndpoint)
            .WithEnvironment("Gateway__ManagementPort", managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithDeployment(d => d.HealthPort = managementPort);
    }

    private static void WithRunModeEnvironment(this IResourceBuilder<ServiceProjectResource> service, IDistributedApplicationBuilder builder)
    {
        service.WithEnvironment(context =>
        {
            if (!File.Exists(service.Resource.AssemblyPath(AppHostSettings.BuildConfiguration)))
                throw new DistributedApplicationException(
                    $"{service.Resource.AssemblyPath(AppHostSettings.BuildConfiguration)} does not exist: build the solution first (dotnet build).");
            // Loopback only: the gateway is the one public entry, and nothing here should answer the network. Every
            // endpoint is a listener (the gateway's management one too).
            var urls = new ReferenceExpressionBuilder();
            foreach (var endpoint in service.Resource.GetEndpoints())
            {
                if (!urls.IsEmpty) urls.AppendLiteral(";");
                urls.Append($"http://127.0.0.1:{endpoint.Property(EndpointProperty.TargetPort)}");
            }
            context.EnvironmentVariables["ASPNETCORE_URLS"] = urls.Build();
            context.EnvironmentVariables["ASPNETCORE_ENVIRONMENT"] = builder.ServiceEnvironmentName();
            context.EnvironmentVariables["DOTNET_ENVIRONMENT"] = builder.ServiceEnvironmentName();
        });
        // Added when the model is complete, so that these overrides come after every other variable.
        builder.Eventing.Subscribe<BeforeStartEvent>((started, _) =>
        {
            // Telemetry to the dashboard, when there is one: spans nobody receives would cost every request. A load test
            // turns it off (AppHost:DashboardTelemetry=false): the dashboard's ingest takes a core at a few thousand requests/s.
            if (!started.Services.GetRequiredService<DistributedApplicationOptions>().DisableDashboard
                && builder.Configuration.GetValue("AppHost:DashboardTelemetry", true)) service.WithOtlpExporter();
            service.WithEnvironment(context =>
            {
                foreach (var (variable, value) in builder.ExtraEnvironment(service.Resource.Name)) context.EnvironmentVariables[variable] = value;
            });
            return Task.CompletedTask;
        });
    }

    /// <summary>The manifest entry of a project (project.v0), as <c>AddProject</c> writes it.</summary>
    private static async Task WriteProjectAsync(ManifestPublishingContext context, ServiceProjectResource resource)
    {
        context.Writer.WriteString("type", "project.v0");
        context.Writer.WriteString("path", context.GetManifestRelativePath(resource.ProjectPath));
        await context.WriteEnvironmentVariablesAsync(resource);
        context.WriteBindings(resource);
    }
}
