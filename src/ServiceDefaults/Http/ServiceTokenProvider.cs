using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace ProductStore.ServiceDefaults.Http;

/// <summary>
/// Fetches a service token from Users (client credentials) and reuses it until shortly before it expires.
/// Concurrent callers share one fetch.
/// </summary>
public sealed class ServiceTokenProvider(IHttpClientFactory clients, IOptions<ServiceAuthOptions> options, TimeProvider time)
{
    public const string HttpClientName = "productstore-service-token";
    public const string TokenPath = "internal/token";
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile CachedToken? _current;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_current is { } token && token.RenewAt > time.GetUtcNow()) return token.Value;
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fresh && fresh.RenewAt > time.GetUtcNow()) return fresh.Value;
            _current = await FetchAsync(cancellationToken);
            return _current.Value;
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>Forget the token, for instance after a 401 because Users' key changed.</summary>
    public void Invalidate() => _current = null;

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var credentials = options.Value;
        if (credentials.ClientId.Length == 0 || credentials.ClientSecret.Length == 0)
        {
            throw new InvalidOperationException("Service credentials are not configured: set ServiceAuth__ClientId and ServiceAuth__ClientSecret.");
        }
        using var response = await clients.CreateClient(HttpClientName).PostAsJsonAsync(
            TokenPath, new ServiceTokenRequest(credentials.ClientId, credentials.ClientSecret),
            ServiceDefaultsJsonContext.Default.ServiceTokenRequest, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Users refused service credentials for '{credentials.ClientId}' ({(int)response.StatusCode}).");
        }
        var token = await response.Content.ReadFromJsonAsync(ServiceDefaultsJsonContext.Default.ServiceTokenResponse, cancellationToken)
            ?? throw new HttpRequestException("Users answered the service token request with an empty body.");
        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
        return new CachedToken(token.AccessToken, time.GetUtcNow() + (lifetime > 2 * RenewBefore ? lifetime - RenewBefore : lifetime / 2));
    }

    private sealed record CachedToken(string Value, DateTimeOffset RenewAt);
}

public sealed record ServiceTokenRequest(string ClientId, string ClientSecret);

public sealed record ServiceTokenResponse(string AccessToken, string TokenType, int ExpiresIn);
