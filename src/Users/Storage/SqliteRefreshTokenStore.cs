using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Users.Storage;

public sealed class SqliteRefreshTokenStore(SqliteDatabase database) : IRefreshTokenStore
{
    public Task AddAsync(RefreshTokenRecord token, CancellationToken cancellationToken) =>
        database.WriteAsync("refresh_tokens.add", (session, _) =>
        {
            session.Command("INSERT INTO refresh_families (family_id) VALUES ($family) ON CONFLICT DO NOTHING")
                .With("$family", token.FamilyId).ExecuteNonQuery();
            Insert(session, token);
            return ValueTask.FromResult(true);
        }, cancellationToken).AsTask();

    public Task<(RotationResult Result, Guid UserId)> RotateAsync(
        string oldHash, Func<RefreshTokenRecord, RefreshTokenRecord> successor, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync("refresh_tokens.rotate", async (session, ct) =>
        {
            var current = await session.Command("""
                    SELECT t.family_id, t.user_id, t.expires_at, t.used, f.revoked, t.stamp
                    FROM refresh_tokens t JOIN refresh_families f ON f.family_id = t.family_id
                    WHERE t.token_hash = $hash
                    """)
                .With("$hash", oldHash)
                .FirstOrDefaultAsync(r => new TokenState(r.GetGuid(0), r.GetGuid(1), r.GetTimestamp(2), r.GetInt64(3) == 1, r.GetInt64(4) == 1, r.GetString(5)), ct);
            if (current is not { } token || token.Revoked || token.Expires <= now) return (RotationResult.Invalid, Guid.Empty);
            if (token.Used)
            {
                RevokeFamily(session, token.Family);
                return (RotationResult.Reused, token.User);
            }
            session.Command("UPDATE refresh_tokens SET used = 1 WHERE token_hash = $hash").With("$hash", oldHash).ExecuteNonQuery();
            Insert(session, successor(new RefreshTokenRecord(oldHash, token.Family, token.User, token.Expires, token.Stamp)));
            return (RotationResult.Rotated, token.User);
        }, cancellationToken).AsTask();

    public Task<Guid?> RevokeFamilyAsync(string tokenHash, CancellationToken cancellationToken) =>
        database.WriteAsync("refresh_tokens.revoke", async (session, ct) =>
        {
            var family = await session.Command("SELECT family_id FROM refresh_tokens WHERE token_hash = $hash")
                .With("$hash", tokenHash).FirstOrDefaultAsync(r => (Guid?)r.GetGuid(0), ct);
            if (family is { } id) RevokeFamily(session, id);
            return family;
        }, cancellationToken).AsTask();

    private static void Insert(SqliteSession session, RefreshTokenRecord token) =>
        session.Command("INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at, stamp) VALUES ($hash, $family, $user, $expires, $stamp)")
            .With("$hash", token.TokenHash).With("$family", token.FamilyId).With("$user", token.UserId)
            .With("$expires", token.ExpiresAt.ToStored()).With("$stamp", token.Stamp).ExecuteNonQuery();

    private static void RevokeFamily(SqliteSession session, Guid family) =>
        session.Command("UPDATE refresh_families SET revoked = 1 WHERE family_id = $family").With("$family", family).ExecuteNonQuery();

    private sealed record TokenState(Guid Family, Guid User, DateTimeOffset Expires, bool Used, bool Revoked, string Stamp);
}
