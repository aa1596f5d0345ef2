namespace ProductStore.ServiceDefaults.Http;

/// <summary>Limits__MaxRequestBodyBytes: larger request bodies get 413.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Limits";

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
