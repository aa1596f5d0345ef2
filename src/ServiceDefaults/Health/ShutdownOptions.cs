namespace ProductStore.ServiceDefaults.Health;

/// <summary>
/// ShutdownTimeoutSeconds, a top-level key as operators have always set it: how long in-flight requests may finish once
/// the process stops accepting (the drain delay counts against it).
/// </summary>
public sealed class ShutdownOptions
{
    public int ShutdownTimeoutSeconds { get; set; } = 20;
}
