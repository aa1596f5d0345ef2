using System.Net;
using ProductStore.Orders.Tests.Fakes;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests;

/// <summary>Orders learns of logouts from Users' revocation list and refuses the session's tokens within seconds.</summary>
public class RevocationTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    [Fact]
    public async Task A_logged_out_sessions_token_is_refused_within_seconds_and_other_sessions_go_on()
    {
        var (tokens, user) = (fixture.Factory.Tokens, Guid.NewGuid());
        var (ended, kept) = (Guid.NewGuid(), Guid.NewGuid());
        var loggedOut = fixture.Factory.CreateClient(tokens.For(Roles.Customer, user, session: ended));
        var stillIn = fixture.Factory.CreateClient(tokens.For(Roles.Customer, user, session: kept));
        Assert.Equal(HttpStatusCode.OK, (await loggedOut.GetAsync("/api/orders")).StatusCode);

        tokens.EndSession(ended);

        await RevokedTokens.ShouldBeRefusedSoonAsync(() => loggedOut.GetAsync("/api/orders"));
        Assert.Equal(HttpStatusCode.OK, (await stillIn.GetAsync("/api/orders")).StatusCode);
    }
}
