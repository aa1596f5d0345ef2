using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Http;
using ProductStore.Users.Tokens;

namespace ProductStore.Users.Apis;

/// <summary>
/// Client credentials for services: Orders trades its id and secret for a short-lived token with role
/// <c>service</c>. Under /internal, so the gateway never exposes it.
/// </summary>
public static class ServiceTokenApi
{
    public static IEndpointRouteBuilder MapServiceTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + ServiceTokenProvider.TokenPath, Issue)
            .WithNoStore()
            .WithTags("Internal")
            .AllowAnonymous()
            .WithName("ServiceToken")
            .WithSummary("A service token for a configured service client");
        return app;
    }

    public static Results<Ok<ServiceTokenResponse>, ProblemHttpResult> Issue(ServiceTokenRequest request, IOptionsMonitor<UsersOptions> options, TokenIssuer issuer)
    {
        var clients = options.CurrentValue.ServiceClients;
        if (request.ClientId is null || request.ClientSecret is null
            || !clients.TryGetValue(request.ClientId, out var secret) || secret.Length == 0
            || !CryptographicOperations.FixedTimeEquals(Digest(secret), Digest(request.ClientSecret)))
        {
            return TypedResults.Problem(title: "Unauthorized", statusCode: StatusCodes.Status401Unauthorized, detail: "Unknown client or wrong secret.");
        }
        var token = issuer.ForService(request.ClientId);
        return TypedResults.Ok(new ServiceTokenResponse(token.AccessToken, "Bearer", token.ExpiresIn));
    }

    // Comparing equal-length digests keeps the time spent from revealing the secret's length.
    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
