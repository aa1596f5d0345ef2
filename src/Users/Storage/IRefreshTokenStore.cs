namespace ProductStore.Users.Storage;

/// <summary>
/// A refresh token as stored: only its SHA-256, its family (one login), its owner, and the owner's security stamp when the
/// family began (a refresh under another stamp is refused: role changes and revoked sessions end families too).
/// </summary>
public sealed record RefreshTokenRecord(string TokenHash, Guid FamilyId, Guid UserId, DateTimeOffset ExpiresAt, string Stamp);

public enum RotationResult
{
    Rotated,
    /// <summary>The token was already used once: someone replayed it, so its whole family is now revoked.</summary>
    Reused,
    Invalid,
}

/// <summary>Refresh tokens by hash and their families by id: both key lookups, as Cassandra serves them.</summary>
public interface IRefreshTokenStore
{
    Task AddAsync(RefreshTokenRecord token, CancellationToken cancellationToken);

    /// <summary>Marks <paramref name="oldHash"/> used and stores its successor in the same family, atomically.</summary>
    Task<(RotationResult Result, Guid UserId)> RotateAsync(string oldHash, Func<RefreshTokenRecord, RefreshTokenRecord> successor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes the token's family; returns the family's id, or null for an unknown token.</summary>
    Task<Guid?> RevokeFamilyAsync(string tokenHash, CancellationToken cancellationToken);
}
