using ProductStore.Storage;
#if CASSANDRA
using ProductStore.Users.Storage.Cassandra;
#endif

namespace ProductStore.Users.Storage;

public static class UsersStorage
{
    /// <summary>Users' stores on the provider Storage__Provider names: SQLite here, Cassandra in Storage/Cassandra.</summary>
    public static readonly ServiceStores Stores = new("Users", AddCassandra: CassandraStores, AddSqlite: sqlite =>
        {
            sqlite.AddSqliteDatabase("users", SqliteUsersSchema.Migrations);
            sqlite.AddSingleton<IUserStore, SqliteUserStore>();
            sqlite.AddSingleton<IRefreshTokenStore, SqliteRefreshTokenStore>();
            sqlite.AddSingleton<ISigningKeyStore, SqliteSigningKeyStore>();
            sqlite.AddSingleton<IRevocationStore, SqliteRevocationStore>();
            sqlite.AddSingleton<ILoginFailureStore, SqliteLoginFailureStore>();
        });

#if CASSANDRA
    private static Action<IServiceCollection>? CassandraStores => CassandraUsersStores.Add;
#else
    private static Action<IServiceCollection>? CassandraStores => null;
#endif
}
