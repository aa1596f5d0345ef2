using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Users.Storage;

public sealed class SqliteRevocationStore(SqliteDatabase database) : IRevocationStore
{
    /// <summary>Far beyond any access token's lifetime: older rows can end nothing and are dropped.</summary>
    private static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    public Task AddAsync(Revocation revocation, CancellationToken cancellationToken) =>
        database.WriteAsync("revocations.add", (session, _) =>
        {
            session.Command("INSERT INTO revocations (at, user_id, stamp, session_id) VALUES ($at, $user, $stamp, $session)")
                .With("$at", revocation.At.ToStored()).With("$user", revocation.UserId).With("$stamp", revocation.Stamp)
                .With("$session", revocation.SessionId).ExecuteNonQuery();
            session.Command("DELETE FROM revocations WHERE at < $before").With("$before", (revocation.At - Kept).ToStored()).ExecuteNonQuery();
            return ValueTask.FromResult(true);
        }, cancellationToken).AsTask();

    public Task<IReadOnlyList<Revocation>> ListSinceAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Revocation>>("revocations.list", async (session, ct) =>
            await session.Command("SELECT at, user_id, stamp, session_id FROM revocations WHERE at >= $since ORDER BY at, seq")
                .With("$since", since.ToStored())
                .ListAsync(r => new Revocation(r.GetTimestamp(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetNullableString(2),
                    r.IsDBNull(3) ? null : r.GetGuid(3)), ct), cancellationToken).AsTask();
}
