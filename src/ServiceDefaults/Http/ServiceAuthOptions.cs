namespace ProductStore.ServiceDefaults.Http;

/// <summary>This service's own credentials with Users, for internal calls (ServiceAuth__ClientId, ServiceAuth__ClientSecret).</summary>
public sealed class ServiceAuthOptions
{
    public const string Section = "ServiceAuth";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
}
