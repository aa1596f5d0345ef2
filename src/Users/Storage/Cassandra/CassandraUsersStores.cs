using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Storage.Cassandra;
using ProductStore.Users.Storage.Cassandra;

[assembly: CassandraStores(typeof(CassandraUsersStores))]

namespace ProductStore.Users.Storage.Cassandra;

public sealed class CassandraUsersStores : ICassandraStores
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE IF NOT EXISTS users_by_id (
            id uuid PRIMARY KEY,
            email text,
            display_name text,
            role text,
            role_version int,
            password_hash text,
            created_at timestamp
        );
        CREATE TABLE IF NOT EXISTS users_by_email (
            email text PRIMARY KEY,
            id uuid,
            claimed_at timestamp
        );
        CREATE TABLE IF NOT EXISTS users_by_role (
            role text,
            id uuid,
            PRIMARY KEY (role, id)
        );
        CREATE TABLE IF NOT EXISTS refresh_tokens (
            token_hash text PRIMARY KEY,
            family_id uuid,
            user_id uuid,
            expires_at timestamp,
            used boolean
        );
        CREATE TABLE IF NOT EXISTS refresh_families (
            family_id uuid PRIMARY KEY,
            revoked boolean
        );
        CREATE TABLE IF NOT EXISTS signing_keys (
            name text PRIMARY KEY,
            kid text,
            private_key blob,
            created_at timestamp
        )
        """,
        // Revocation: stamps, the stamp each refresh token was issued under, what ended when (by minute), and the
        // guard that lets one change at a time take admin away. Signing keys made by rotation. Failed logins per account.
        """
        ALTER TABLE users_by_id ADD security_stamp text;
        ALTER TABLE refresh_tokens ADD stamp text;
        CREATE TABLE IF NOT EXISTS revocations (
            minute bigint,
            at timestamp,
            id uuid,
            user_id uuid,
            stamp text,
            session_id uuid,
            PRIMARY KEY (minute, at, id)
        );
        CREATE TABLE IF NOT EXISTS admin_guard (
            name text PRIMARY KEY,
            holder uuid
        );
        CREATE TABLE IF NOT EXISTS signing_key_ring (
            ring text,
            kid text,
            private_key blob,
            created_at timestamp,
            PRIMARY KEY (ring, kid)
        );
        CREATE TABLE IF NOT EXISTS login_failures (
            account text PRIMARY KEY,
            failures int,
            blocked_until timestamp
        )
        """,
    ];

    public void Add(IServiceCollection services)
    {
        services.AddCassandraDatabase("users", Migrations);
        services.AddSingleton<IUserStore, CassandraUserStore>();
        services.AddSingleton<IRefreshTokenStore, CassandraRefreshTokenStore>();
        services.AddSingleton<ISigningKeyStore, CassandraSigningKeyStore>();
        services.AddSingleton<IRevocationStore, CassandraRevocationStore>();
        services.AddSingleton<AdminGuard>();
        services.AddSingleton<ILoginFailureStore, CassandraLoginFailureStore>();
    }
}
