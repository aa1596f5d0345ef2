using Microsoft.Extensions.DependencyInjection;

namespace ProductStore.Users.Tests;

public sealed class RefreshTokenLifetimeTests
{
    [Fact]
    public async Task A_refresh_token_expires_after_the_configured_lifetime_and_rotation_starts_it_again()
    {
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        await using var factory = new UsersFactory
        {
            Settings = { ["Users:RefreshTokenLifetime"] = "01:00:00" },
            TestServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        var client = factory.CreateClient();
        var (_, tokens) = await client.NewCustomerAsync();

        clock.Now += TimeSpan.FromMinutes(50);
        var rotated = await (await client.RefreshAsync(tokens.RefreshToken)).ShouldBe<TokenDto>(HttpStatusCode.OK);
        clock.Now += TimeSpan.FromMinutes(50);
        var again = await (await client.RefreshAsync(rotated.RefreshToken)).ShouldBe<TokenDto>(HttpStatusCode.OK);

        clock.Now += TimeSpan.FromMinutes(61);
        await (await client.RefreshAsync(again.RefreshToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
