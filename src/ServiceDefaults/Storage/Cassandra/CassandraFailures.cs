using Cassandra;

namespace ProductStore.ServiceDefaults.Storage.Cassandra;

/// <summary>The driver's ways of saying the cluster cannot serve now (too few replicas, timeouts, no host, overload): a 503, never a 500.</summary>
internal static class CassandraFailures
{
    public static bool IsUnavailable(Exception e) =>
        e is NoHostAvailableException or UnavailableException or QueryTimeoutException or OperationTimedOutException or OverloadedException
            or IsBootstrappingException;

    public static StorageUnavailableException Unavailable(string operation, Exception e) => new($"{operation}: {e.Message}", e);
}
