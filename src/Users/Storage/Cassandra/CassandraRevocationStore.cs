using Cassandra;
using ProductStore.ServiceDefaults.Storage.Cassandra;

namespace ProductStore.Users.Storage.Cassandra;

/// <summary>
/// Revocations in one partition per minute, so reading the last access-token lifetime is a handful of partitions and no
/// partition grows without bound; rows expire after a day, long after any token they could end.
/// </summary>
public sealed class CassandraRevocationStore(CassandraDatabase database) : IRevocationStore
{
    private static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    public Task AddAsync(Revocation revocation, CancellationToken cancellationToken) =>
        database.ExecuteAsync("revocations.add",
            $"INSERT INTO revocations (minute, at, id, user_id, stamp, session_id) VALUES (?, ?, ?, ?, ?, ?) USING TTL {(int)Kept.TotalSeconds}",
            MinuteOf(revocation.At), revocation.At, Guid.NewGuid(), revocation.UserId, revocation.Stamp, revocation.SessionId);

    public async Task<IReadOnlyList<Revocation>> ListSinceAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var minutes = Enumerable.Range(0, (int)(MinuteOf(now) - MinuteOf(since)) + 1).Select(i => MinuteOf(since) + i);
        var pages = await Task.WhenAll(minutes.Select(minute => database.ExecuteAsync("revocations.list",
            "SELECT at, user_id, stamp, session_id FROM revocations WHERE minute = ? AND at >= ?", minute, since)));
        return pages.SelectMany(rows => rows.Select(Read)).OrderBy(r => r.At).ToList();
    }

    private static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 60_000;

    private static Revocation Read(Row row) => new(row.GetValue<DateTimeOffset>("at"),
        row.HasValue("user_id") ? row.GetValue<Guid>("user_id") : null,
        row.HasValue("stamp") ? row.GetValue<string>("stamp") : null,
        row.HasValue("session_id") ? row.GetValue<Guid>("session_id") : null);
}
