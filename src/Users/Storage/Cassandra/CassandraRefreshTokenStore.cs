using ProductStore.ServiceDefaults.Storage.Cassandra;

namespace ProductStore.Users.Storage.Cassandra;

/// <summary>
/// Tokens by hash, families by id. A token is spent by a lightweight transaction (used: false → true), so of two
/// rotations of one token exactly one wins; the other finds it used and revokes the family. A family has a row
/// only once revoked: no row means live.
/// </summary>
public sealed class CassandraRefreshTokenStore(CassandraDatabase database) : IRefreshTokenStore
{
    private const string InsertToken =
        "INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at, stamp, used) VALUES (?, ?, ?, ?, ?, false)";

    public Task AddAsync(RefreshTokenRecord token, CancellationToken cancellationToken) =>
        database.ExecuteAsync("refresh_tokens.add", InsertToken, token.TokenHash, token.FamilyId, token.UserId, token.ExpiresAt, token.Stamp);

    public async Task<(RotationResult Result, Guid UserId)> RotateAsync(
        string oldHash, Func<RefreshTokenRecord, RefreshTokenRecord> successor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await FindAsync(oldHash) is not { } token || token.ExpiresAt <= now || await IsRevokedAsync(token.FamilyId))
            return (RotationResult.Invalid, Guid.Empty);
        if (!token.Used)
        {
            // The successor goes in first: if spending the old token then loses a race, the family is revoked and the
            // successor with it; if storing the successor fails, the old token is still unspent and the client may retry.
            var next = successor(new RefreshTokenRecord(oldHash, token.FamilyId, token.UserId, token.ExpiresAt, token.Stamp));
            await database.ExecuteAsync("refresh_tokens.rotate", InsertToken, next.TokenHash, next.FamilyId, next.UserId, next.ExpiresAt, next.Stamp);
            var (spent, _) = await database.ExecuteConditionalAsync("refresh_tokens.rotate",
                "UPDATE refresh_tokens SET used = true WHERE token_hash = ? IF used = false", oldHash);
            if (spent) return (RotationResult.Rotated, token.UserId);
        }
        await RevokeAsync(token.FamilyId);
        return (RotationResult.Reused, token.UserId);
    }

    public async Task<Guid?> RevokeFamilyAsync(string tokenHash, CancellationToken cancellationToken)
    {
        if (await FindAsync(tokenHash) is not { } token) return null;
        await RevokeAsync(token.FamilyId);
        return token.FamilyId;
    }

    private async Task<StoredToken?> FindAsync(string tokenHash) =>
        await database.SingleAsync("refresh_tokens.find",
                "SELECT family_id, user_id, expires_at, used, stamp FROM refresh_tokens WHERE token_hash = ?", tokenHash) is { } row
            ? new StoredToken(row.GetValue<Guid>("family_id"), row.GetValue<Guid>("user_id"),
                row.GetValue<DateTimeOffset>("expires_at"), row.GetValue<bool>("used"), row.HasValue("stamp") ? row.GetValue<string>("stamp") : "")
            : null;

    private async Task<bool> IsRevokedAsync(Guid familyId) =>
        await database.SingleAsync("refresh_families.find", "SELECT revoked FROM refresh_families WHERE family_id = ?", familyId)
            is { } row && row.GetValue<bool>("revoked");

    private Task RevokeAsync(Guid familyId) =>
        database.ExecuteAsync("refresh_families.revoke", "UPDATE refresh_families SET revoked = true WHERE family_id = ?", familyId);

    private sealed record StoredToken(Guid FamilyId, Guid UserId, DateTimeOffset ExpiresAt, bool Used, string Stamp);
}
