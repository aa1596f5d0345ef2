using ProductStore.Catalog.Storage;
using ProductStore.Storage;
using ProductStore.TestSupport;

namespace ProductStore.Catalog.Tests.Contracts;

public sealed class SqliteCatalogStores() : StoreFixture(StorageOptions.SqliteProvider, "catalog", CatalogStorage.Stores);

public sealed class CassandraCatalogStores() : StoreFixture(StorageOptions.CassandraProvider, "catalog", CatalogStorage.Stores);

public sealed class SqliteCatalogStoreTests(SqliteCatalogStores stores) : CatalogStoreContract(stores), IClassFixture<SqliteCatalogStores>;

public sealed class CassandraCatalogStoreTests(CassandraCatalogStores stores) : CatalogStoreContract(stores), IClassFixture<CassandraCatalogStores>;

public sealed class SqliteStockStoreTests(SqliteCatalogStores stores) : StockStoreContract(stores), IClassFixture<SqliteCatalogStores>;

public sealed class CassandraStockStoreTests(CassandraCatalogStores stores) : StockStoreContract(stores), IClassFixture<CassandraCatalogStores>;
