namespace ProductStore.AppHost.Run;

/// <summary>A resource did not become ready: which one, why, and what it printed last.</summary>
public sealed class ResourceStartException(string resource, string reason, string recentOutput)
    : Exception($"'{resource}' failed to start: {reason}")
{
    public string Resource { get; } = resource;

    public string RecentOutput { get; } = recentOutput;
}
