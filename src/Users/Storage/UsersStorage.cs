using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Users.Storage;

public static class UsersStorage
{
    /// <summary>Users' stores on the provider Storage__Provider names: SQLite here, Cassandra in Storage/Cassandra.</summary>
    public static void Add(IServiceCollection services, IConfiguration configuration) =>
        services.AddServiceStorage(configuration, typeof(UsersStorage).Assembly, sqlite =>
        {
            sqlite.AddSqliteDatabase("users", SqliteUsersSchema.Migrations);
            sqlite.AddSingleton<IUserStore, SqliteUserStore>();
            sqlite.AddSingleton<IRefreshTokenStore, SqliteRefreshTokenStore>();
            sqlite.AddSingleton<ISigningKeyStore, SqliteSigningKeyStore>();
            sqlite.AddSingleton<IRevocationStore, SqliteRevocationStore>();
            sqlite.AddSingleton<ILoginFailureStore, SqliteLoginFailureStore>();
        });
}
