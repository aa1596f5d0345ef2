using ProductStore.ServiceDefaults.Storage;
using ProductStore.Users.Domain;

namespace ProductStore.Users.Storage;

/// <summary>Accounts, shaped for Cassandra: users by id, users by email, users by role, all users paged by id.</summary>
public interface IUserStore
{
    Task<User?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken);

    Task<bool> AnyInRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>False when the email is taken.</summary>
    Task<bool> TryAddAsync(User user, CancellationToken cancellationToken);

    Task<Page<User>> ListAsync(string? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the account <paramref name="role"/> and a new security stamp; never takes the role admin from the last
    /// account that has it, however many such changes race.
    /// </summary>
    Task<RoleChangeOutcome> ChangeRoleAsync(Guid id, string role, CancellationToken cancellationToken);

    /// <summary>Gives the account a new security stamp, which ends every token issued under the old one; null when there is no such account.</summary>
    Task<User?> RenewSecurityStampAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Replaces the account's password hash and, with it, its security stamp; null when there is no such account.</summary>
    Task<User?> ChangePasswordAsync(Guid id, string passwordHash, CancellationToken cancellationToken);
}

public abstract record RoleChangeOutcome
{
    /// <summary>The role changed, and with it the security stamp.</summary>
    public sealed record Changed(User User) : RoleChangeOutcome;
    /// <summary>The account had that role already: nothing changed.</summary>
    public sealed record Unchanged(User User) : RoleChangeOutcome;
    public sealed record NotFound : RoleChangeOutcome;
    /// <summary>The account is the only admin: demoting it would leave the shop without one.</summary>
    public sealed record LastAdmin : RoleChangeOutcome;
}
