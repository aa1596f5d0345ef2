namespace ProductStore.Users.Storage;

/// <summary>One thing that ended access tokens early: an account's new security stamp, or a logged-out session.</summary>
public sealed record Revocation(DateTimeOffset At, Guid? UserId, string? Stamp, Guid? SessionId)
{
    public static Revocation OfStamp(Guid userId, string stamp, DateTimeOffset at) => new(at, userId, stamp, null);

    public static Revocation OfSession(Guid sessionId, DateTimeOffset at) => new(at, null, null, sessionId);
}

/// <summary>The revocations of the last access-token lifetime, which every service polls (see RevocationWatcher).</summary>
public interface IRevocationStore
{
    Task AddAsync(Revocation revocation, CancellationToken cancellationToken);

    /// <summary>The revocations made at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<Revocation>> ListSinceAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken);
}
