using ProductStore.Storage;
using Xunit;

namespace ProductStore.TestSupport;

/// <summary>
/// One set of a service's stores shared by a contract test class: started on first use, skipped with the reason
/// when the provider cannot run here (Cassandra not compiled in, or no server named).
/// </summary>
public abstract class StoreFixture(string provider, string service, ServiceStores stores) : IAsyncDisposable
{
    private readonly Lazy<Task<StoreHarness>> _harness = new(() => StoreHarness.StartAsync(provider, service, stores));

    public async Task<T> GetAsync<T>() where T : notnull
    {
        if (provider == StorageOptions.CassandraProvider && StoreHarness.CassandraUnavailable(stores) is { } reason)
        {
            Assert.Skip(reason);
        }
        return (await _harness.Value).Get<T>();
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness.IsValueCreated) await (await _harness.Value).DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
