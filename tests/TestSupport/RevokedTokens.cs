using System.Diagnostics;
using System.Net;
using Xunit;

namespace ProductStore.TestSupport;

public static class RevokedTokens
{
    /// <summary>The revocation poll interval (2 s) and a margin for a slow machine: the bound the README states.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>Calls until the token is refused (401); fails if it is refused otherwise, or still works after <see cref="Bound"/>.</summary>
    public static async Task ShouldBeRefusedSoonAsync(Func<Task<HttpResponseMessage>> call)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await call();
            if (response.StatusCode == HttpStatusCode.Unauthorized) return;
            Assert.True(response.IsSuccessStatusCode, $"expected the token to work until refused, got {(int)response.StatusCode}");
            Assert.True(clock.Elapsed < Bound, $"the token still worked {clock.Elapsed.TotalSeconds:F1} s after it was revoked");
            await Task.Delay(100);
        }
    }
}
