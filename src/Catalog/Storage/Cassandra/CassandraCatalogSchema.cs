namespace ProductStore.Catalog.Storage.Cassandra;

/// <summary>
/// One table per query. The products table holds the truth, stock included (changed by compare-and-set); the three
/// listing tables hold each product twice, on its category's shelf and on the all-products shelf '*' (no slug has a
/// '*'), clustered in one sort order each, with the columns the filters prune on.
/// </summary>
public static class CassandraCatalogSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE IF NOT EXISTS categories (
            directory text,
            slug text,
            id uuid,
            name text,
            PRIMARY KEY (directory, slug)
        );
        CREATE TABLE IF NOT EXISTS products (
            id uuid PRIMARY KEY,
            sku text,
            name text,
            description text,
            category text,
            price_cents bigint,
            currency text,
            stock int,
            image_url text,
            created_at timestamp,
            updated_at timestamp
        );
        CREATE TABLE IF NOT EXISTS products_by_sku (
            sku text PRIMARY KEY,
            id uuid,
            claimed_at timestamp
        );
        CREATE TABLE IF NOT EXISTS products_by_newest (
            shelf text,
            created_at timestamp,
            id uuid,
            price_cents bigint,
            name_lower text,
            PRIMARY KEY (shelf, created_at, id)
        ) WITH CLUSTERING ORDER BY (created_at DESC, id DESC);
        CREATE TABLE IF NOT EXISTS products_by_price (
            shelf text,
            price_cents bigint,
            id uuid,
            created_at timestamp,
            name_lower text,
            PRIMARY KEY (shelf, price_cents, id)
        );
        CREATE TABLE IF NOT EXISTS products_by_name (
            shelf text,
            name_lower text,
            id uuid,
            created_at timestamp,
            price_cents bigint,
            PRIMARY KEY (shelf, name_lower, id)
        );
        CREATE TABLE IF NOT EXISTS reservations (
            order_id uuid PRIMARY KEY,
            status text,
            items text,
            created_at timestamp
        )
        """,
    ];
}
