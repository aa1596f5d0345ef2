using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.Users.Storage;

namespace ProductStore.Users.Apis;

/// <summary>
/// Internal (never routed by the gateway): what ended access tokens during the last access-token lifetime, polled by
/// every service. It holds no secret: stamps prove nothing without a token signed by Users.
/// </summary>
public static class RevocationsApi
{
    public static IEndpointRouteBuilder MapRevocationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/" + RevocationList.Path, List)
            .WithTags("Internal")
            .AllowAnonymous()
            .WithName("Revocations")
            .WithSummary("Security stamps changed and sessions ended within the access-token lifetime");
        return app;
    }

    public static async Task<Ok<RevocationList>> List(RevocationReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ReadAsync(cancellationToken));
}

/// <summary>The list from Users' own store: served to the others, and what Users checks its own tokens against.</summary>
public sealed class RevocationReader(IRevocationStore store, IOptionsMonitor<UsersOptions> options, TimeProvider time) : IRevocationSource
{
    /// <summary>Beyond the token lifetime: JwtBearer's clock skew, and a margin for clocks and slow polls.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public async Task<RevocationList> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var revocations = await store.ListSinceAsync(now - options.CurrentValue.AccessTokenLifetime - Margin, now, cancellationToken);
        return new RevocationList(
            revocations.Where(r => r is { UserId: not null, Stamp: not null }).Select(r => new StampChange(r.UserId!.Value, r.Stamp!)).ToList(),
            revocations.Where(r => r.SessionId is not null).Select(r => r.SessionId!.Value).Distinct().ToList());
    }

    public async Task<RevocationList?> FetchAsync(CancellationToken cancellationToken) => await ReadAsync(cancellationToken);
}
