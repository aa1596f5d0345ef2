namespace ProductStore.Catalog.Storage;

/// <summary>One index per listing order, with and without a category: every sort is a range scan.</summary>
public static class SqliteCatalogSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE categories (
            id TEXT PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL
        );
        CREATE TABLE products (
            id TEXT PRIMARY KEY,
            sku TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            name_lower TEXT NOT NULL,
            description TEXT NOT NULL,
            category TEXT NOT NULL,
            price_cents INTEGER NOT NULL,
            currency TEXT NOT NULL,
            stock INTEGER NOT NULL CHECK (stock >= 0),
            image_url TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX products_by_created ON products (created_at, id);
        CREATE INDEX products_by_price ON products (price_cents, id);
        CREATE INDEX products_by_name ON products (name_lower, id);
        CREATE INDEX products_by_category_created ON products (category, created_at, id);
        CREATE INDEX products_by_category_price ON products (category, price_cents, id);
        CREATE INDEX products_by_category_name ON products (category, name_lower, id);
        CREATE TABLE reservations (
            order_id TEXT PRIMARY KEY,
            items_json TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            released INTEGER NOT NULL DEFAULT 0
        );
        """,
    ];
}
