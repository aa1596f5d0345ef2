using System.Reflection;

namespace ProductStore.ServiceDefaults.Storage;

/// <summary>
/// Names the class that registers a service's Cassandra stores. It sits in the service's Storage/Cassandra folder,
/// which is compiled only with -p:Cassandra=true (see Directory.Build.targets), so its presence is the build switch.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class CassandraStoresAttribute(Type registration) : Attribute
{
    public Type Registration { get; } = registration;
}

/// <summary>Registers a service's Cassandra database and its store implementations.</summary>
public interface ICassandraStores
{
    void Add(IServiceCollection services);
}

public static class ServiceStorage
{
    public const string BuildHint =
        "Build with the Cassandra provider compiled in: `dotnet build -p:Cassandra=true` (the CassandraCSharpDriver package " +
        "must be restorable; README, section Cassandra, says how), or set Storage__Provider=sqlite.";

    /// <summary>
    /// Registers the service's stores for Storage__Provider: the SQLite ones by <paramref name="addSqlite"/>, or the
    /// Cassandra ones its assembly names. A provider this build lacks stops the start-up with a message saying why.
    /// </summary>
    public static IServiceCollection AddServiceStorage(this IServiceCollection services, IConfiguration configuration,
        Assembly serviceAssembly, Action<IServiceCollection> addSqlite)
    {
        var provider = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] is { Length: > 0 } configured
            ? configured.Trim().ToLowerInvariant()
            : StorageOptions.SqliteProvider;
        switch (provider)
        {
            case StorageOptions.SqliteProvider:
                addSqlite(services);
                break;
            case StorageOptions.CassandraProvider:
                var stores = serviceAssembly.GetCustomAttribute<CassandraStoresAttribute>() ?? throw new InvalidOperationException(
                    $"Storage:Provider is 'cassandra', but this build of {serviceAssembly.GetName().Name} has no Cassandra provider. {BuildHint}");
                ((ICassandraStores)Activator.CreateInstance(stores.Registration)!).Add(services);
                break;
            default:
                throw new InvalidOperationException(
                    $"Storage:Provider '{provider}' is unknown: use '{StorageOptions.SqliteProvider}' or '{StorageOptions.CassandraProvider}'.");
        }
        return services;
    }

    /// <summary>Whether this build of the service carries its Cassandra stores.</summary>
    public static bool HasCassandraStores(Assembly serviceAssembly) => serviceAssembly.IsDefined(typeof(CassandraStoresAttribute));
}
