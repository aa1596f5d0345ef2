using ProductStore.Storage;
#if CASSANDRA
using ProductStore.Users.Storage.Cassandra;
#endif

namespace ProductStore.Users.Storage;

public static class UsersStorage
{
    /// <summary>Users' stores on the provider Storage__Provider names: SQLite here, Cassandra in Storage/Cassandra when compiled in.</summary>
    public static readonly ServiceStores Stores = new("Users", AddSqlite,
#if CASSANDRA
        CassandraUsersStores.Add);
#else
        AddCassandra: null);
#endif

    private static void AddSqlite(IServiceCollection services)
    {
        services.AddSqliteDatabase("users", SqliteUsersSchema.Migrations);
        services.AddSingleton<IUserStore, SqliteUserStore>();
        services.AddSingleton<IRefreshTokenStore, SqliteRefreshTokenStore>();
        services.AddSingleton<ISigningKeyStore, SqliteSigningKeyStore>();
        services.AddSingleton<IRevocationStore, SqliteRevocationStore>();
        services.AddSingleton<ILoginFailureStore, SqliteLoginFailureStore>();
    }
}
