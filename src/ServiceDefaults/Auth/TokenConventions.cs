namespace ProductStore.ServiceDefaults.Auth;

/// <summary>What Users puts in its tokens and what every service checks, in one place.</summary>
public static class TokenConventions
{
    public const string Algorithm = "ES256";
    public const string DefaultIssuer = "productstore";
    public const string Audience = "productstore";
    public const string RoleClaim = "role";
    public const string SubjectClaim = "sub";
    public const string EmailClaim = "email";
    public const string NameClaim = "name";

    public static string Issuer(IConfiguration configuration) => configuration["Auth:Issuer"] ?? DefaultIssuer;
}
