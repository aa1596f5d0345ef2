using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ProductStore.Storefront.Api;

namespace ProductStore.Storefront.Session;

/// <summary>Logs in at the API and keeps the tokens in the session cookie, with the account's name and role as claims.</summary>
public sealed class SessionSignIn(AccountClient account, GuestCart guestCart, CartClient cart, TimeProvider time)
{
    public async Task<ApiProblem?> SignInAsync(HttpContext context, string? email, string? password, CancellationToken cancellationToken = default)
    {
        var login = await account.LoginAsync(email, password, cancellationToken);
        if (login.Value is not { } tokens) return login.Problem;
        var me = await account.MeAsync(tokens.AccessToken, cancellationToken);
        if (me.Value is not { } user) return me.Problem;

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.DisplayName),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Role, user.Role),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties { IsPersistent = true };
        SessionTokens.Store(properties, tokens, time.GetUtcNow());
        await context.SignInAsync(new ClaimsPrincipal(identity), properties);
        await MoveGuestCartAsync(context, tokens.AccessToken, cancellationToken);
        return null;
    }

    public async Task SignOutAsync(HttpContext context)
    {
        if (await context.GetTokenAsync(SessionTokens.Refresh) is { } refreshToken) await account.LogoutAsync(refreshToken);
        await context.SignOutAsync();
    }

    /// <summary>What the shopper put in the cart before logging in joins the account's cart.</summary>
    private async Task MoveGuestCartAsync(HttpContext context, string accessToken, CancellationToken cancellationToken)
    {
        var lines = guestCart.Read(context);
        if (lines.Count == 0) return;
        foreach (var (productId, quantity) in lines) await cart.SetQuantityAsync(productId, quantity, accessToken, cancellationToken);
        guestCart.Clear(context);
    }
}
