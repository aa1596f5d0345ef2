using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Cart.Storage;

public static class CartStorage
{
    /// <summary>Cart's stores on the provider Storage__Provider names: SQLite here, Cassandra in Storage/Cassandra.</summary>
    public static void Add(IServiceCollection services, IConfiguration configuration) =>
        services.AddServiceStorage(configuration, typeof(CartStorage).Assembly, sqlite =>
        {
            sqlite.AddSqliteDatabase("cart", SqliteCartStore.Migrations);
            sqlite.AddSingleton<ICartStore, SqliteCartStore>();
        });
}
