using Microsoft.Extensions.Caching.Memory;

namespace ProductStore.Storefront.Api;

/// <summary>
/// Anonymous shoppers' public catalog reads, kept <see cref="KeptFor"/> by API path and shared: a burst of identical pages
/// makes one API call, and callers arriving while it runs wait for the same answer. Signed-in shoppers read live.
/// </summary>
public sealed class SharedCatalogReads(IHttpContextAccessor accessor, TimeProvider time) : IDisposable
{
    // An anonymous page's prices and stock may be up to 1 s old; checkout still checks stock and price at the API.
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(1);

    // Its own cache, bounded by count since shoppers choose the searches (an entry each): a stale entry is replaced at its
    // next read, or compacted away (least recently used first) when the cache is full.
    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = 1024 });

    private sealed record Kept(object Answer, DateTimeOffset At);

    public Task<ApiResult<T>> ReadAsync<T>(string apiPath, Func<string, CancellationToken, Task<ApiResult<T>>> read, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.User.Identity?.IsAuthenticated == true) return read(apiPath, cancellationToken);
        var now = time.GetUtcNow();
        if (_kept.TryGetValue(apiPath, out Kept? kept) && kept is { Answer: Task<ApiResult<T>> shared } && now - kept.At < KeptFor)
            return shared.WaitAsync(cancellationToken);

        // Not the first caller's token: others wait for this call too, and the client's own timeouts bound it.
        var answer = read(apiPath, CancellationToken.None);
        var entry = new Kept(answer, now);
        _kept.Set(apiPath, entry, new MemoryCacheEntryOptions { Size = 1 });
        // A problem (503, timeout) is not kept: the next page asks again.
        _ = answer.ContinueWith(done =>
        {
            if ((!done.IsCompletedSuccessfully || !done.Result.Succeeded) && _kept.TryGetValue(apiPath, out Kept? current) && ReferenceEquals(current, entry))
                _kept.Remove(apiPath);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return answer.WaitAsync(cancellationToken);
    }

    public void Dispose() => _kept.Dispose();
}
