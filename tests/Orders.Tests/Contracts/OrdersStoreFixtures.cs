using ProductStore.Orders.Storage;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests.Contracts;

public sealed class SqliteOrdersStores() : StoreFixture(StorageOptions.SqliteProvider, "orders", typeof(OrdersStorage).Assembly, OrdersStorage.Add);

public sealed class CassandraOrdersStores() : StoreFixture(StorageOptions.CassandraProvider, "orders", typeof(OrdersStorage).Assembly, OrdersStorage.Add);
