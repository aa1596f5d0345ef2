using ProductStore.Storage.Cassandra;

namespace ProductStore.Users.Storage.Cassandra;

/// <summary>Users' Cassandra database and stores; compiled only with -p:Cassandra=true.</summary>
public static class CassandraUsersStores
{
    public static void Add(IServiceCollection services)
    {
        services.AddCassandraDatabase("users", CassandraUsersSchema.Migrations);
        services.AddSingleton<IUserStore, CassandraUserStore>();
        services.AddSingleton<IRefreshTokenStore, CassandraRefreshTokenStore>();
        services.AddSingleton<ISigningKeyStore, CassandraSigningKeyStore>();
        services.AddSingleton<IRevocationStore, CassandraRevocationStore>();
        services.AddSingleton<AdminGuard>();
        services.AddSingleton<ILoginFailureStore, CassandraLoginFailureStore>();
    }
}
