namespace ProductStore.Cart.Storage;

public static class SqliteCartSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE cart_lines (
            user_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            name TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            price_cents INTEGER NOT NULL,
            currency TEXT NOT NULL,
            added_at INTEGER NOT NULL,
            PRIMARY KEY (user_id, product_id)
        ) WITHOUT ROWID;
        """,
    ];
}
