using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.Users.Tokens;

namespace ProductStore.Users.Apis;

public sealed record SigningKeyRotationResponse(string KeyId, DateTimeOffset SignsFrom);

/// <summary>Admin only: rotate the token signing key. Tokens signed with the old key stay valid until they expire.</summary>
public static class SigningKeysApi
{
    public static IEndpointRouteBuilder MapSigningKeysApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/users/signing-keys/rotate", Rotate)
            .WithTags("Users (admin)")
            .RequireAuthorization(Roles.Admin)
            .WithName("RotateSigningKey")
            .WithSummary("Add a new signing key: published at once, signing after the activation delay");
        return app;
    }

    public static async Task<Accepted<SigningKeyRotationResponse>> Rotate(SigningKeys keys, CancellationToken cancellationToken)
    {
        var (keyId, signsFrom) = await keys.RotateAsync(cancellationToken);
        return TypedResults.Accepted(WellKnownApi.JwksPath, new SigningKeyRotationResponse(keyId, signsFrom));
    }
}
