using ProductStore.Storage.Cassandra;

namespace ProductStore.Cart.Storage.Cassandra;

/// <summary>Cart's Cassandra database and stores; compiled only with -p:Cassandra=true.</summary>
public static class CassandraCartStores
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        // A user's cart is one partition; its lines cluster by product.
        """
        CREATE TABLE IF NOT EXISTS cart_lines (
            user_id uuid,
            product_id uuid,
            name text,
            quantity int,
            price_cents bigint,
            currency text,
            added_at timestamp,
            PRIMARY KEY (user_id, product_id)
        )
        """,
    ];

    public static void Add(IServiceCollection services)
    {
        services.AddCassandraDatabase("cart", Migrations);
        services.AddSingleton<ICartStore, CassandraCartStore>();
    }
}
