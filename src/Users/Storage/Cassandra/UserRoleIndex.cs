using Cassandra;
using ProductStore.ServiceDefaults.Storage.Cassandra;

namespace ProductStore.Users.Storage.Cassandra;

/// <summary>
/// users_by_role: (role, id) entries for "is there any admin". Each entry is written with the timestamp
/// created_at + role_version (in microseconds), so that role changes applied out of order still converge on the
/// entry of the latest version. An entry is only a candidate: readers confirm it against users_by_id.
/// </summary>
public sealed class UserRoleIndex(CassandraDatabase database)
{
    private const int CandidatesRead = 20;

    public async Task<IReadOnlyList<Guid>> CandidatesAsync(string role, int limit = CandidatesRead) =>
        (await database.ExecuteAsync("users.any_in_role", "SELECT id FROM users_by_role WHERE role = ? LIMIT ?", role, limit))
        .Select(r => r.GetValue<Guid>("id")).ToList();

    public Task<BoundStatement> Add(string role, Guid id, DateTimeOffset createdAt, int version) =>
        database.BindAsync("INSERT INTO users_by_role (role, id) VALUES (?, ?) USING TIMESTAMP ?", role, id, Timestamp(createdAt, version));

    public Task<BoundStatement> Remove(string role, Guid id, DateTimeOffset createdAt, int version) =>
        database.BindAsync("DELETE FROM users_by_role USING TIMESTAMP ? WHERE role = ? AND id = ?", Timestamp(createdAt, version), role, id);

    private static long Timestamp(DateTimeOffset createdAt, int version) => createdAt.ToUnixTimeMilliseconds() * 1000 + version;
}
