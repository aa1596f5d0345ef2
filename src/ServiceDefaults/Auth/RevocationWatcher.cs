using System.Collections.Frozen;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace ProductStore.ServiceDefaults.Auth;

/// <summary>Where a service learns what is revoked: Users over HTTP, or Users' own store inside Users.</summary>
public interface IRevocationSource
{
    /// <summary>The current list, or null when there is no Users to ask (nothing can be revoked then).</summary>
    Task<RevocationList?> FetchAsync(CancellationToken cancellationToken);
}

public sealed class RevocationOptions
{
    public const string Section = "Auth:Revocation";

    /// <summary>How often the list is fetched: the bound on how long a revoked token keeps working while Users answers.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>With no fresh list for this long, admin tokens are refused: privilege is not granted on a list that may be old.</summary>
    public TimeSpan MaxStaleness { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Keeps the revocation list fresh (one fetch per poll interval, not one per request) and judges each validated token
/// against it: a token whose stamp is no longer its account's, or whose session was logged out, is refused.
/// </summary>
public sealed class RevocationWatcher(IRevocationSource source, IOptions<RevocationOptions> options, ILogger<RevocationWatcher> logger)
    : BackgroundService
{
    // Staleness is wall-clock time, whatever clock the service's own rules run on.
    private static readonly TimeProvider Clock = TimeProvider.System;

    private volatile Snapshot _current = new(FrozenDictionary<Guid, string>.Empty, FrozenSet<Guid>.Empty, Clock.GetUtcNow());

    /// <summary>Why <paramref name="user"/>'s token must be refused, or null when it may be used.</summary>
    public string? Refusal(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(TokenConventions.RoleClaim);
        if (role == Roles.Service || !Guid.TryParse(user.FindFirstValue(TokenConventions.SubjectClaim), out var userId)) return null;
        var current = _current;
        if (current.Stamps.TryGetValue(userId, out var stamp) && stamp != (user.FindFirstValue(RevocationList.StampClaim) ?? ""))
            return "The account's roles or sessions changed after this token was issued.";
        if (Guid.TryParse(user.FindFirstValue(RevocationList.SessionClaim), out var session) && current.Sessions.Contains(session))
            return "This session was logged out.";
        if (role == Roles.Admin && Clock.GetUtcNow() - current.FetchedAt > options.Value.MaxStaleness)
            return "Admin tokens cannot be confirmed now: the revocation list is out of date.";
        return null;
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var list = await source.FetchAsync(cancellationToken) ?? RevocationList.Empty;
            var stamps = new Dictionary<Guid, string>();
            foreach (var change in list.Stamps) stamps[change.UserId] = change.Stamp;
            _current = new Snapshot(stamps.ToFrozenDictionary(), list.Sessions.ToFrozenSet(), Clock.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not fetch the token revocation list; the one from {FetchedAt} stays in force", _current.FetchedAt);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, Clock);
        do
        {
            await RefreshAsync(stoppingToken);
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private sealed record Snapshot(FrozenDictionary<Guid, string> Stamps, FrozenSet<Guid> Sessions, DateTimeOffset FetchedAt);
}
