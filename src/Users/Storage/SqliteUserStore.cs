using Microsoft.Data.Sqlite;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.Users.Domain;

namespace ProductStore.Users.Storage;

public sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    private const string Columns = "id, email, display_name, role, password_hash, created_at";
    private const string CursorKind = "users";

    public Task<User?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        database.ReadAsync("users.find_by_id", (session, ct) =>
            session.Command($"SELECT {Columns} FROM users WHERE id = $id").With("$id", id).FirstOrDefaultAsync(Read, ct), cancellationToken).AsTask();

    public Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        database.ReadAsync("users.find_by_email", (session, ct) =>
            session.Command($"SELECT {Columns} FROM users WHERE email = $email").With("$email", normalizedEmail).FirstOrDefaultAsync(Read, ct), cancellationToken).AsTask();

    public Task<bool> AnyInRoleAsync(string role, CancellationToken cancellationToken) =>
        database.ReadAsync("users.any_in_role", async (session, ct) =>
            await session.Command("SELECT 1 FROM users WHERE role = $role LIMIT 1").With("$role", role).FirstOrDefaultAsync(_ => true, ct),
            cancellationToken).AsTask();

    public Task<bool> TryAddAsync(User user, CancellationToken cancellationToken) =>
        database.WriteAsync("users.add", (session, _) => ValueTask.FromResult(session.Command($"""
                INSERT INTO users ({Columns}) VALUES ($id, $email, $name, $role, $hash, $created) ON CONFLICT (email) DO NOTHING
                """)
            .With("$id", user.Id).With("$email", user.Email).With("$name", user.DisplayName).With("$role", user.Role)
            .With("$hash", user.PasswordHash).With("$created", user.CreatedAt.ToStored())
            .ExecuteNonQuery() == 1), cancellationToken).AsTask();

    public Task<Page<User>> ListAsync(string? cursor, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync("users.list", async (session, ct) =>
        {
            var after = cursor is null ? Guid.Empty
                : Guid.TryParse(Cursor.Decode(cursor, CursorKind), out var id) ? id : throw new InvalidCursorException();
            // Bound as a Guid like every id (upper-case TEXT), so the keyset comparison sorts the way the index does.
            var users = await session.Command($"SELECT {Columns} FROM users WHERE id > $after ORDER BY id LIMIT $limit")
                .With("$after", after).With("$limit", limit + 1).ListAsync(Read, ct);
            var next = users.Count > limit ? Cursor.Encode(CursorKind, users[limit - 1].Id.ToString()) : null;
            return new Page<User>(users.Take(limit).ToList(), next);
        }, cancellationToken).AsTask();

    public Task<User?> ChangeRoleAsync(Guid id, string role, CancellationToken cancellationToken) =>
        database.WriteAsync("users.change_role", (session, ct) =>
            session.Command($"UPDATE users SET role = $role WHERE id = $id RETURNING {Columns}")
                .With("$id", id).With("$role", role).FirstOrDefaultAsync(Read, ct), cancellationToken).AsTask();

    private static User Read(SqliteDataReader row) =>
        new(row.GetGuid(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetTimestamp(5));
}
