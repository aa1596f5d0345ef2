using ProductStore.Orders.Storage;
using ProductStore.Storage;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests.Contracts;

public sealed class SqliteOrdersStores() : StoreFixture(StorageOptions.SqliteProvider, "orders", OrdersStorage.Stores);

public sealed class CassandraOrdersStores() : StoreFixture(StorageOptions.CassandraProvider, "orders", OrdersStorage.Stores);
