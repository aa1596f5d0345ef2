using ProductStore.ServiceDefaults.Storage;
using ProductStore.Users.Storage;

namespace ProductStore.Users.Tests.Contracts;

public sealed class SqliteUsersStores() : StoreFixture(StorageOptions.SqliteProvider, "users", typeof(UsersStorage).Assembly, UsersStorage.Add);

public sealed class CassandraUsersStores() : StoreFixture(StorageOptions.CassandraProvider, "users", typeof(UsersStorage).Assembly, UsersStorage.Add);
