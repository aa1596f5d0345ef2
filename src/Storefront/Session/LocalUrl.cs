namespace ProductStore.Storefront.Session;

public static class LocalUrl
{
    /// <summary>A return URL on this site only (never "//host" or "https://…"), so a link cannot send a shopper elsewhere after login.</summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
