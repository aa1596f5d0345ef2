namespace ProductStore.Observability.Tests;

/// <summary>
/// Every metric name a dashboard or alert may use: the names contracts.md fixes for the services' exporter,
/// the series Prometheus adds itself, and the Cassandra exporter's. A typo in a query is then a failing test.
/// </summary>
public static class KnownMetrics
{
    /// <summary>Histograms by base name; queries use their _bucket, _sum and _count series.</summary>
    public static readonly string[] Histograms =
    [
        "http_server_request_duration_seconds",
        "http_client_request_duration_seconds",
        "db_client_operation_duration_seconds",
        "productstore_order_value",
        "productstore_gateway_upstream_duration_seconds",
    ];

    public static readonly string[] CountersAndGauges =
    [
        "http_server_active_requests",
        "kestrel_active_connections",
        "dotnet_process_cpu_time_seconds_total",
        "dotnet_process_memory_working_set_bytes",
        "dotnet_gc_collections_total",
        "dotnet_exceptions_total",
        "dotnet_thread_pool_queue_length",
        "productstore_db_operations_total",
        "productstore_registrations_total",
        "productstore_logins_total",
        "productstore_cart_additions_total",
        "productstore_checkouts_total",
        "productstore_orders_created_total",
        "productstore_orders_status_transitions_total",
        "productstore_orders_overdue_age_seconds",
        "productstore_stock_reservations_total",
        "productstore_stock_reservations_refused_total",
        // Catalog's meter `productstore.products.created` ({product} counter) under the contract's naming rule.
        "productstore_products_created_total",
        "productstore_gateway_upstream_errors_total",
        "productstore_gateway_rate_limited_total",
        "process_cpu_seconds_total",
        "process_resident_memory_bytes",
        "process_memory_limit_bytes",
        "process_start_time_seconds",
    ];

    /// <summary>Series Prometheus writes itself for every target.</summary>
    public static readonly string[] Synthetic = ["up"];

    /// <summary>instaclustr/cassandra-exporter's names, for the storage dashboard's Cassandra row.</summary>
    public static readonly string[] Cassandra =
    [
        "cassandra_client_request_latency_seconds",
        "cassandra_client_request_latency_seconds_count",
        "cassandra_client_request_latency_seconds_sum",
        "cassandra_client_request_failures_total",
        "cassandra_client_request_timeouts_total",
        "cassandra_table_estimated_pending_compactions",
    ];

    /// <summary>What the backup job pushes to the Pushgateway (deploy/cassandra-backup/backup.sh).</summary>
    public static readonly string[] BackupJob =
    [
        "productstore_backup_last_success_timestamp_seconds",
        "productstore_backup_duration_seconds",
    ];

    public static readonly IReadOnlySet<string> All = Histograms
        .SelectMany(h => new[] { h + "_bucket", h + "_sum", h + "_count" })
        .Concat(CountersAndGauges).Concat(Synthetic).Concat(Cassandra).Concat(BackupJob)
        .ToHashSet(StringComparer.Ordinal);
}
