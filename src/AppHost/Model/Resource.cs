namespace ProductStore.AppHost.Model;

public enum ResourceKind
{
    /// <summary>One of our .NET services, run from its build output or its container image.</summary>
    Project,
    /// <summary>Prometheus or Alertmanager: a third-party server with configuration from this repository.</summary>
    Monitoring,
}

/// <summary>
/// One thing the topology runs. Plain data: run mode and the publishers read it; nothing here starts anything.
/// </summary>
public sealed record Resource(string Name, ResourceKind Kind, int DefaultPort)
{
    /// <summary>The project file, relative to the repository root (projects only).</summary>
    public string? ProjectPath { get; init; }

    /// <summary>Services this one calls: each becomes <c>services__{name}__http__0</c>, and this one starts after them.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    public string HealthPath { get; init; } = "/health/ready";

    public string LivenessPath { get; init; } = "/health/live";

    /// <summary>Reachable from outside the deployment; everything else talks on the internal network only.</summary>
    public bool IsPublic { get; init; }

    /// <summary>Calls internal endpoints, so it gets client credentials that Users exchanges for service tokens.</summary>
    public bool UsesServiceToken { get; init; }

    /// <summary>Signs tokens: gets every other service's client secret.</summary>
    public bool IssuesTokens { get; init; }

    /// <summary>Has a database of its own (named after the resource).</summary>
    public bool HasStorage { get; init; }

    /// <summary>Container image of a monitoring resource.</summary>
    public string? Image { get; init; }

    /// <summary>Fixed settings of this resource, on top of the Aspire-style variables every service gets.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
