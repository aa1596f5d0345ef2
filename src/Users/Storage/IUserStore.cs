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

    Task<User?> ChangeRoleAsync(Guid id, string role, CancellationToken cancellationToken);
}
