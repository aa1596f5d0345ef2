using System.Collections.Concurrent;
using ProductStore.Storefront.Api;

namespace ProductStore.Storefront.Session;

/// <summary>
/// One refresh per refresh token: requests of one browser arriving together share the rotation, since sending the
/// same refresh token twice counts as reuse at the API and revokes the whole session.
/// </summary>
public sealed class TokenRotations
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Lazy<Task<ApiResult<IssuedTokens>>>> _rotations = new();

    public Task<ApiResult<IssuedTokens>> RotateAsync(string refreshToken, Func<string, Task<ApiResult<IssuedTokens>>> refresh)
    {
        var rotation = _rotations.GetOrAdd(refreshToken, token => new Lazy<Task<ApiResult<IssuedTokens>>>(() =>
        {
            // Forgotten a minute later: by then every request that carried the old cookie has its answer.
            _ = Task.Delay(Remembered).ContinueWith(_ => _rotations.TryRemove(token, out var _), TaskScheduler.Default);
            return refresh(token);
        }));
        return rotation.Value;
    }
}
