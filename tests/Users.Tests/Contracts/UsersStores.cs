using ProductStore.Storage;
using ProductStore.Users.Storage;

namespace ProductStore.Users.Tests.Contracts;

public sealed class SqliteUsersStores() : StoreFixture(StorageOptions.SqliteProvider, "users", UsersStorage.Stores);

public sealed class CassandraUsersStores() : StoreFixture(StorageOptions.CassandraProvider, "users", UsersStorage.Stores);
