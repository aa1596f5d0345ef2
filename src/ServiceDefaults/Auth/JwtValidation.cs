using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;
using ProductStore.ServiceDefaults.Http;

namespace ProductStore.ServiceDefaults.Auth;

public static class JwtValidation
{
    public const string MetadataClientName = "productstore-jwt-metadata";

    /// <summary>
    /// Validates Users' ES256 tokens with the public keys Users publishes at /.well-known (found through
    /// service discovery: services__users__http__0). Nothing secret is shared: a service can check tokens, never mint them.
    /// </summary>
    public static WebApplicationBuilder AddJwtValidation(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            if (configuration.GetSection("services:users").Exists())
            {
                o.MetadataAddress = new Uri(ServiceClients.ServiceAddress("users"), ".well-known/openid-configuration").ToString();
            }
            o.RequireHttpsMetadata = false;
            // Our handler is the only one, so its MapInboundClaims is the one that counts (the option only reaches the defaults).
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(new CachingJsonWebTokenHandler(TimeProvider.System) { MapInboundClaims = false });
            // A key we don't know yet may be a new one: look again, but at most this often.
            o.RefreshInterval = TimeSpan.FromSeconds(30);
            o.TokenValidationParameters = Parameters(configuration);
        });
        // The keys come through service discovery and the resilience pipeline, like any call to another service.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IHttpMessageHandlerFactory>(
            (o, handlers) => o.BackchannelHttpHandler = handlers.CreateHandler(MetadataClientName));
        // Authentication brings ASP.NET Core Data Protection, which we never use for anything that must survive a
        // restart (tokens are JWTs signed by Users): keep its keys in memory instead of writing them to disk.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.Service, p => p.RequireRole(Roles.Service))
            .AddPolicy(Roles.User, p => p.RequireRole(Roles.Customer, Roles.Admin));
        return builder;
    }

    public static TokenValidationParameters Parameters(IConfiguration configuration) => new()
    {
        ValidIssuer = TokenConventions.Issuer(configuration),
        ValidAudience = TokenConventions.Audience,
        ValidAlgorithms = [TokenConventions.Algorithm],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = TokenConventions.SubjectClaim,
        RoleClaimType = TokenConventions.RoleClaim,
    };

    /// <summary>The caller's user id (the token's subject).</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TokenConventions.SubjectClaim), out var id)
            ? id
            : throw new InvalidOperationException("An authenticated user without a user id reached an endpoint.");
}
