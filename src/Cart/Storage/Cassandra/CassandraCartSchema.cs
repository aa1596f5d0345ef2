namespace ProductStore.Cart.Storage.Cassandra;

/// <summary>A user's cart is one partition; its lines cluster by product.</summary>
public static class CassandraCartSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
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
}
