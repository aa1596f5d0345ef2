namespace ProductStore.Orders.Storage.Cassandra;

/// <summary>
/// One table per way orders are read. <c>orders</c> is the record, changed only by lightweight transactions; the
/// others are whole copies of it (lines and history as the JSON documents <see cref="OrderDocuments"/> writes),
/// so every listing is one query. <see cref="OrderCopies"/> keeps them in step.
/// </summary>
public static class CassandraOrdersSchema
{
    private const string OrderColumns = """
        user_id uuid,
        status text,
        lines text,
        history text,
        created_at timestamp,
        updated_at timestamp,
        next_step_at timestamp,
        stock_release_pending boolean,
        """;

    // The record: read by id, changed by compare-and-set on its status.
    private const string Orders = $"""
        CREATE TABLE IF NOT EXISTS orders (
            id uuid PRIMARY KEY,
            {OrderColumns}
        )
        """;

    // A user's orders, newest first; a user's orders are few enough for one partition.
    private const string OrdersByUser = $"""
        CREATE TABLE IF NOT EXISTS orders_by_user (
            id uuid,
            {OrderColumns}
            PRIMARY KEY (user_id, created_at, id)
        ) WITH CLUSTERING ORDER BY (created_at DESC, id DESC)
        """;

    // The admin listings, newest first: listing "all" or a status, one partition per month created so none grows without bound.
    private const string OrdersByMonth = $"""
        CREATE TABLE IF NOT EXISTS orders_by_month (
            listing text,
            month int,
            id uuid,
            {OrderColumns}
            PRIMARY KEY ((listing, month), created_at, id)
        ) WITH CLUSTERING ORDER BY (created_at DESC, id DESC)
        """;

    // The months each listing has orders in, newest first: where a page moves on to when a month runs out.
    private const string OrderListingMonths = """
        CREATE TABLE IF NOT EXISTS order_listing_months (
            listing text,
            month int,
            PRIMARY KEY (listing, month)
        ) WITH CLUSTERING ORDER BY (month DESC)
        """;

    // Orders waiting to move on by themselves, per status, the oldest due first: only the orders waiting now.
    private const string OrdersDue = $"""
        CREATE TABLE IF NOT EXISTS orders_due (
            due_status text,
            due_at timestamp,
            id uuid,
            {OrderColumns}
            PRIMARY KEY (due_status, due_at, id)
        )
        """;

    // Cancelled orders whose stock Catalog has not taken back, oldest first: normally none, so one partition (shard 0).
    private const string OrdersStockReleasePending = $"""
        CREATE TABLE IF NOT EXISTS orders_stock_release_pending (
            shard int,
            pending_since timestamp,
            id uuid,
            {OrderColumns}
            PRIMARY KEY (shard, pending_since, id)
        )
        """;

    // Idempotency keys: one partition per (user, key), claimed with INSERT ... IF NOT EXISTS.
    private const string Checkouts = """
        CREATE TABLE IF NOT EXISTS checkouts (
            user_id uuid,
            idempotency_key text,
            order_id uuid,
            fingerprint text,
            completed boolean,
            claimed_at timestamp,
            PRIMARY KEY ((user_id, idempotency_key))
        )
        """;

    // Unfinished claims, oldest first, for recovery: a handful at a time, so one partition (shard 0).
    private const string CheckoutsInProgress = """
        CREATE TABLE IF NOT EXISTS checkouts_in_progress (
            shard int,
            claimed_at timestamp,
            user_id uuid,
            idempotency_key text,
            PRIMARY KEY (shard, claimed_at, user_id, idempotency_key)
        )
        """;

    // The request (and its key) whose checkout holds a user's cart: one partition per user, taken with INSERT ... IF NOT EXISTS.
    private const string CartCheckouts = """
        CREATE TABLE IF NOT EXISTS cart_checkouts (
            user_id uuid PRIMARY KEY,
            idempotency_key text,
            owner uuid,
            locked_at timestamp
        )
        """;

    public static readonly IReadOnlyList<string> Migrations =
    [
        string.Join(";\n", Orders, OrdersByUser, OrdersByMonth, OrderListingMonths, OrdersDue, OrdersStockReleasePending,
            Checkouts, CheckoutsInProgress),
        CartCheckouts,
    ];
}
