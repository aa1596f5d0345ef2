namespace ProductStore.ServiceDefaults.Http;

public static class Idempotency
{
    private static readonly HttpRequestOptionsKey<bool> Key = new("productstore.idempotent");

    /// <summary>Marks a POST that the receiver deduplicates (say, by order id) as safe to retry.</summary>
    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request)
    {
        request.Options.Set(Key, true);
        return request;
    }

    public static bool IsIdempotent(this HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
        || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete
        || (request.Options.TryGetValue(Key, out var marked) && marked);
}
