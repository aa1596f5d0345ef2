using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Http;

namespace ProductStore.ServiceDefaults.Auth;

/// <summary>Fetches the list from Users (services__users__http__0) through JwtBearer's backchannel, the way the signing keys come.</summary>
public sealed class HttpRevocationSource(IConfiguration configuration, IOptionsMonitor<JwtBearerOptions> jwt) : IRevocationSource, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    // The backchannel resolves the logical address through service discovery, as it does for the signing keys.
    private readonly Lazy<HttpClient?> _client = new(() => !configuration.GetSection("services:users").Exists() ? null
        : new HttpClient(jwt.Get(JwtBearerDefaults.AuthenticationScheme).BackchannelHttpHandler ?? new SocketsHttpHandler(), disposeHandler: false)
        {
            BaseAddress = ServiceClients.ServiceAddress("users"),
            Timeout = Timeout,
        });

    public async Task<RevocationList?> FetchAsync(CancellationToken cancellationToken) =>
        _client.Value is { } client
            ? await client.GetFromJsonAsync(RevocationList.Path, RevocationJsonContext.Default.RevocationList, cancellationToken)
            : null;

    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value?.Dispose();
    }
}
