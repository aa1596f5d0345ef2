using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.TestSupport;

namespace ProductStore.ServiceDefaults.Tests;

public sealed class CachingJsonWebTokenHandlerTests
{
    private readonly TestTokens _tokens = new();
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private TokenValidationParameters WithKey() => Parameters(_tokens.Key);

    // Without a signing key no token can pass a full check: a success here can only come from the cache.
    private static TokenValidationParameters WithoutKey() => Parameters();

    private static TokenValidationParameters Parameters(params SecurityKey[] keys)
    {
        var parameters = JwtValidation.Parameters(new ConfigurationBuilder().Build());
        parameters.IssuerSigningKeys = keys;
        return parameters;
    }

    [Fact]
    public async Task A_token_that_validated_is_not_checked_again_and_each_caller_gets_its_own_identity()
    {
        var handler = new CachingJsonWebTokenHandler(_clock);
        var token = _tokens.Customer();

        var first = await handler.ValidateTokenAsync(token, WithKey());
        var second = await handler.ValidateTokenAsync(token, WithoutKey());

        Assert.True(first.IsValid, first.Exception?.Message);
        Assert.True(second.IsValid);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal(first.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)), second.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)));
        Assert.Equal(Roles.Customer, second.ClaimsIdentity.FindFirst(TokenConventions.RoleClaim)?.Value);
    }

    [Fact]
    public async Task The_cache_vouches_for_a_token_only_until_it_expires()
    {
        var handler = new CachingJsonWebTokenHandler(_clock);
        var token = _tokens.Customer();
        Assert.True((await handler.ValidateTokenAsync(token, WithKey())).IsValid);

        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        Assert.False((await handler.ValidateTokenAsync(token, WithoutKey())).IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task A_changed_token_and_tokens_that_failed_get_the_full_check_every_time()
    {
        var handler = new CachingJsonWebTokenHandler(_clock);
        var token = _tokens.Customer();
        Assert.True((await handler.ValidateTokenAsync(token, WithKey())).IsValid);

        Assert.False((await handler.ValidateTokenAsync(_tokens.TamperedToAdmin(), WithKey())).IsValid);
        Assert.False((await handler.ValidateTokenAsync(token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1], WithKey())).IsValid);
        Assert.False((await handler.ValidateTokenAsync(TestTokens.SignedByAnotherKey(), WithKey())).IsValid);
        Assert.False((await handler.ValidateTokenAsync(_tokens.Expired(), WithKey())).IsValid);
        Assert.False((await handler.ValidateTokenAsync(TestTokens.Unsigned(), WithKey())).IsValid);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task The_cache_never_holds_more_than_its_capacity()
    {
        var handler = new CachingJsonWebTokenHandler(_clock, capacity: 3);

        for (var i = 0; i < 10; i++)
        {
            Assert.True((await handler.ValidateTokenAsync(_tokens.Customer(), WithKey())).IsValid);
            Assert.InRange(handler.Count, 1, 3);
        }
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
