using Microsoft.AspNetCore.Authentication.Cookies;

namespace ProductStore.Storefront.Session;

public static class ShopperSession
{
    public const string CookieName = "productstore.session";

    /// <summary>
    /// The session is one HttpOnly, SameSite cookie sealed by Data Protection; the API's tokens live inside it, so the
    /// browser never sees them (nothing in localStorage), and <see cref="SessionRefresh"/> rotates them as they expire.
    /// </summary>
    public static IServiceCollection AddShopperSession(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/login";
            options.AccessDeniedPath = "/forbidden";
            options.ExpireTimeSpan = TimeSpan.FromDays(7);
            options.SlidingExpiration = true;
            options.EventsType = typeof(SessionRefresh);
        });
        services.AddAuthorization();
        services.AddScoped<SessionRefresh>();
        services.AddSingleton<TokenRotations>();
        services.AddScoped<SessionSignIn>();
        services.AddScoped<GuestCart>();
        return services;
    }
}
