namespace ProductStore.Orders.Storage;

/// <summary>
/// One row per order, its lines and history as JSON documents: an order is always read whole, as Cassandra
/// would store it, and a list of orders is one query.
/// </summary>
public static class SqliteOrdersSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE orders (
            id BLOB PRIMARY KEY,
            user_id BLOB NOT NULL,
            status TEXT NOT NULL,
            lines_json TEXT NOT NULL,
            history_json TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            next_step_at INTEGER,
            stock_release_pending INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX orders_by_user ON orders (user_id, created_at, id);
        CREATE INDEX orders_by_created ON orders (created_at, id);
        CREATE INDEX orders_by_status ON orders (status, created_at, id);
        CREATE INDEX orders_due ON orders (status, next_step_at) WHERE next_step_at IS NOT NULL;
        CREATE INDEX orders_stock_release_pending ON orders (updated_at) WHERE stock_release_pending = 1;

        CREATE TABLE checkouts (
            user_id BLOB NOT NULL,
            idempotency_key TEXT NOT NULL,
            order_id BLOB NOT NULL,
            fingerprint TEXT NOT NULL,
            completed INTEGER NOT NULL,
            claimed_at INTEGER NOT NULL,
            PRIMARY KEY (user_id, idempotency_key)
        ) WITHOUT ROWID;
        CREATE INDEX checkouts_in_progress ON checkouts (claimed_at) WHERE completed = 0;
        """,
        // One checkout per cart: the request (and its key) whose checkout holds a user's cart (ICartCheckoutLocks).
        """
        CREATE TABLE cart_checkouts (
            user_id BLOB PRIMARY KEY,
            idempotency_key TEXT NOT NULL,
            owner BLOB NOT NULL,
            locked_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
    ];
}
