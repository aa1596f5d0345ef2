namespace ProductStore.ServiceDefaults.Storage;

/// <summary>
/// The database cannot serve the request now (busy past the bounded wait, unwritable, gone, out of space, a cluster without
/// enough replicas): the caller gets a 503 with Retry-After, never a 500, and nothing half-done was committed.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
