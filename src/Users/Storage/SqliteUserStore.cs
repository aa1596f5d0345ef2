using Microsoft.Data.Sqlite;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.Users.Domain;

namespace ProductStore.Users.Storage;

public sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    private const string Columns = "id, email, display_name, role, password_hash, created_at, security_stamp";
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
                INSERT INTO users ({Columns}) VALUES ($id, $email, $name, $role, $hash, $created, $stamp) ON CONFLICT (email) DO NOTHING
                """)
            .With("$id", user.Id).With("$email", user.Email).With("$name", user.DisplayName).With("$role", user.Role)
            .With("$hash", user.PasswordHash).With("$created", user.CreatedAt.ToStored()).With("$stamp", user.SecurityStamp)
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

    public Task<RoleChangeOutcome> ChangeRoleAsync(Guid id, string role, CancellationToken cancellationToken) =>
        database.WriteAsync<RoleChangeOutcome>("users.change_role", async (session, ct) =>
        {
            // Counted in the same write transaction, so two admins demoting each other cannot both pass.
            if (await session.Command($"SELECT {Columns} FROM users WHERE id = $id").With("$id", id).FirstOrDefaultAsync(Read, ct) is not { } user)
                return new RoleChangeOutcome.NotFound();
            if (user.Role == role) return new RoleChangeOutcome.Unchanged(user);
            if (user.Role == Roles.Admin
                && Convert.ToInt64(session.Command("SELECT COUNT(*) FROM users WHERE role = $admin").With("$admin", Roles.Admin).ExecuteScalar()) <= 1)
                return new RoleChangeOutcome.LastAdmin();
            var changed = user with { Role = role, SecurityStamp = User.NewSecurityStamp() };
            session.Command("UPDATE users SET role = $role, security_stamp = $stamp WHERE id = $id")
                .With("$id", id).With("$role", role).With("$stamp", changed.SecurityStamp).ExecuteNonQuery();
            return new RoleChangeOutcome.Changed(changed);
        }, cancellationToken).AsTask();

    public Task<User?> RenewSecurityStampAsync(Guid id, CancellationToken cancellationToken) =>
        database.WriteAsync("users.renew_stamp", (session, ct) =>
            session.Command($"UPDATE users SET security_stamp = $stamp WHERE id = $id RETURNING {Columns}")
                .With("$id", id).With("$stamp", User.NewSecurityStamp()).FirstOrDefaultAsync(Read, ct), cancellationToken).AsTask();

    public Task<User?> ChangePasswordAsync(Guid id, string passwordHash, CancellationToken cancellationToken) =>
        database.WriteAsync("users.change_password", (session, ct) =>
            session.Command($"UPDATE users SET password_hash = $hash, security_stamp = $stamp WHERE id = $id RETURNING {Columns}")
                .With("$id", id).With("$hash", passwordHash).With("$stamp", User.NewSecurityStamp()).FirstOrDefaultAsync(Read, ct), cancellationToken).AsTask();

    private static User Read(SqliteDataReader row) =>
        new(row.GetGuid(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetTimestamp(5)) { SecurityStamp = row.GetString(6) };
}
