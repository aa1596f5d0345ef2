using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ProductStore.Storefront.Session;

/// <summary>
/// A cart before logging in (the API's cart belongs to an account): product ids and quantities in a sealed HttpOnly
/// cookie, moved into the account's cart at login.
/// </summary>
public sealed class GuestCart(IDataProtectionProvider protection)
{
    public const string CookieName = "productstore.guestcart";
    public const int MaxLines = 50;
    private readonly IDataProtector _protector = protection.CreateProtector("ProductStore.Storefront.GuestCart");

    public IReadOnlyDictionary<Guid, int> Read(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } sealedLines) return new Dictionary<Guid, int>();
        try
        {
            return JsonSerializer.Deserialize<Dictionary<Guid, int>>(_protector.Unprotect(sealedLines)) ?? [];
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            // A cookie sealed by a key ring that is gone (or tampered with) is an empty cart, not an error page.
            return new Dictionary<Guid, int>();
        }
    }

    /// <summary>Sets a line (0 removes it) in the response's cookie and answers the lines as they are now.</summary>
    public IReadOnlyDictionary<Guid, int> Set(HttpContext context, Guid productId, int quantity)
    {
        var lines = new Dictionary<Guid, int>(Read(context));
        if (quantity <= 0) lines.Remove(productId);
        else if (lines.Count < MaxLines || lines.ContainsKey(productId)) lines[productId] = quantity;
        Write(context, lines);
        return lines;
    }

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(CookieName);

    private void Write(HttpContext context, Dictionary<Guid, int> lines) =>
        context.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(lines)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(7),
        });
}
