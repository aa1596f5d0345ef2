using Cassandra;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Storage.Cassandra;
using ProductStore.Users.Domain;

namespace ProductStore.Users.Storage.Cassandra;

/// <summary>
/// users_by_id holds the accounts (and pages them, in token order); users_by_email claims an email by a lightweight
/// transaction before the account is written; users_by_role indexes roles (see <see cref="UserRoleIndex"/>).
/// </summary>
public sealed class CassandraUserStore(CassandraDatabase database, TimeProvider time, AdminGuard admins) : IUserStore
{
    /// <summary>
    /// A claim this old whose account never appeared was left by a writer that died between its two writes; a new
    /// registration may take the email over. Far longer than a write with its retries can take.
    /// </summary>
    public static readonly TimeSpan AbandonedClaimAge = TimeSpan.FromMinutes(2);

    private const string Columns = "id, email, display_name, role, role_version, password_hash, created_at, security_stamp";
    private const string CursorKind = "users";
    private readonly UserRoleIndex _roles = new(database);

    public async Task<User?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        await FindRowAsync(id) is { } row ? Read(row) : null;

    public async Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        await ClaimantAsync(normalizedEmail) is { } id && await FindByIdAsync(id, cancellationToken) is { } user
            // A taken-over claim may leave an account behind that still names the email: the claim decides.
            && user.Email == normalizedEmail
            ? user
            : null;

    public async Task<bool> AnyInRoleAsync(string role, CancellationToken cancellationToken)
    {
        foreach (var id in await _roles.CandidatesAsync(role))
        {
            if ((await FindByIdAsync(id, cancellationToken))?.Role == role) return true;
        }
        return false;
    }

    public async Task<bool> TryAddAsync(User user, CancellationToken cancellationToken)
    {
        var (claimed, claim) = await database.ExecuteConditionalAsync("users.claim_email",
            "INSERT INTO users_by_email (email, id, claimed_at) VALUES (?, ?, ?) IF NOT EXISTS", user.Email, user.Id, time.GetUtcNow());
        if (!claimed && !await TakeOverAsync(user, claim)) return false;
        await database.ExecuteBatchAsync("users.add",
        [
            database.BindAsync($"INSERT INTO users_by_id ({Columns}) VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
                user.Id, user.Email, user.DisplayName, user.Role, user.PasswordHash, user.CreatedAt, user.SecurityStamp),
            _roles.Add(user.Role, user.Id, user.CreatedAt, version: 0),
        ]);
        return true;
    }

    public async Task<Page<User>> ListAsync(string? cursor, int limit, CancellationToken cancellationToken) =>
        await database.PageAsync("users.list", await database.BindAsync($"SELECT {Columns} FROM users_by_id"), CursorKind, cursor, limit, Read);

    public async Task<RoleChangeOutcome> ChangeRoleAsync(Guid id, string role, CancellationToken cancellationToken)
    {
        if (await FindRowAsync(id) is not { } found) return new RoleChangeOutcome.NotFound();
        if (Read(found).Role != Roles.Admin || role == Roles.Admin) return await SetRoleAsync(id, role, cancellationToken);
        // Taking admin away: one such change at a time, each counting the admins that stay (see AdminGuard).
        return await admins.WhileHeldAsync(async () =>
            await AnotherAdminThanAsync(id, cancellationToken) ? await SetRoleAsync(id, role, cancellationToken) : new RoleChangeOutcome.LastAdmin());
    }

    private async Task<RoleChangeOutcome> SetRoleAsync(Guid id, string role, CancellationToken cancellationToken)
    {
        // Compare-and-set on role_version orders the changes; the index writes carry that order in their timestamps.
        while (true)
        {
            if (await FindRowAsync(id) is not { } row) return new RoleChangeOutcome.NotFound();
            var (user, version) = (Read(row), row.GetValue<int>("role_version"));
            if (user.Role == role)
            {
                // Repairs the index entry a writer that died after its compare-and-set never wrote (idempotent).
                await database.ExecuteAsync("users.change_role", await _roles.Add(role, id, user.CreatedAt, version));
                return new RoleChangeOutcome.Unchanged(user);
            }
            var changed = user with { Role = role, SecurityStamp = User.NewSecurityStamp() };
            var (applied, _) = await database.ExecuteConditionalAsync("users.change_role",
                "UPDATE users_by_id SET role = ?, role_version = ?, security_stamp = ? WHERE id = ? IF role_version = ?",
                role, version + 1, changed.SecurityStamp, id, version);
            if (applied)
            {
                await database.ExecuteBatchAsync("users.change_role",
                    [_roles.Remove(user.Role, id, user.CreatedAt, version + 1), _roles.Add(role, id, user.CreatedAt, version + 1)]);
                return new RoleChangeOutcome.Changed(changed);
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Whether an account other than <paramref name="id"/> is admin, confirmed against its row (index entries are only candidates).</summary>
    private async Task<bool> AnotherAdminThanAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var candidate in await _roles.CandidatesAsync(Roles.Admin, AdminGuard.CandidatesRead))
        {
            if (candidate != id && (await FindByIdAsync(candidate, cancellationToken))?.Role == Roles.Admin) return true;
        }
        return false;
    }

    public async Task<User?> RenewSecurityStampAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindByIdAsync(id, cancellationToken) is not { } user) return null;
        var renewed = user with { SecurityStamp = User.NewSecurityStamp() };
        // Conditional on a column every account has (UPDATE … IF EXISTS is newer than Cassandra 2.1): never brings a row back as a stamp alone.
        var (applied, _) = await database.ExecuteConditionalAsync("users.renew_stamp",
            "UPDATE users_by_id SET security_stamp = ? WHERE id = ? IF email = ?", renewed.SecurityStamp, id, user.Email);
        return applied ? await FindByIdAsync(id, cancellationToken) : null;
    }

    public async Task<User?> ChangePasswordAsync(Guid id, string passwordHash, CancellationToken cancellationToken)
    {
        if (await FindByIdAsync(id, cancellationToken) is not { } user) return null;
        var (applied, _) = await database.ExecuteConditionalAsync("users.change_password",
            "UPDATE users_by_id SET password_hash = ?, security_stamp = ? WHERE id = ? IF email = ?", passwordHash, User.NewSecurityStamp(), id, user.Email);
        return applied ? await FindByIdAsync(id, cancellationToken) : null;
    }

    /// <summary>
    /// Whether <paramref name="user"/> may have an email claimed already: its own earlier attempt whose account write
    /// failed, or an abandoned claim, taken over by compare-and-set so that one of several racing takers wins.
    /// </summary>
    private async Task<bool> TakeOverAsync(User user, Row claim)
    {
        var (claimant, claimedAt) = (claim.GetValue<Guid>("id"), claim.GetValue<DateTimeOffset>("claimed_at"));
        if (await FindRowAsync(claimant) is not null) return false;
        if (claimant == user.Id) return true;
        if (time.GetUtcNow() - claimedAt < AbandonedClaimAge) return false;
        var (tookOver, _) = await database.ExecuteConditionalAsync("users.claim_email",
            "UPDATE users_by_email SET id = ?, claimed_at = ? WHERE email = ? IF id = ?", user.Id, time.GetUtcNow(), user.Email, claimant);
        return tookOver;
    }

    private async Task<Guid?> ClaimantAsync(string email) =>
        await database.SingleAsync("users.find_by_email", "SELECT id FROM users_by_email WHERE email = ?", email) is { } row
            ? row.GetValue<Guid>("id")
            : null;

    private Task<Row?> FindRowAsync(Guid id) =>
        database.SingleAsync("users.find_by_id", $"SELECT {Columns} FROM users_by_id WHERE id = ?", id);

    private static User Read(Row row) =>
        new(row.GetValue<Guid>("id"), row.GetValue<string>("email"), row.GetValue<string>("display_name"), row.GetValue<string>("role"),
            row.GetValue<string>("password_hash"), row.GetValue<DateTimeOffset>("created_at"))
        {
            SecurityStamp = row.HasValue("security_stamp") ? row.GetValue<string>("security_stamp") : "",
        };
}
