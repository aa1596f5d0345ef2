using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Http;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.Users.Apis;
using ProductStore.Users.Domain;
using ProductStore.Users.Storage;
using ProductStore.Users.Tokens;

namespace ProductStore.Users;

public static class UsersServices
{
    public static WebApplicationBuilder AddUsers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, UsersJsonContext.Default));
        services.AddOptions<UsersOptions>().BindConfiguration(UsersOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<UsersOptions>>((forwarded, users) => forwarded.TrustOnly(users.Value.KnownProxies));
        services.AddSingleton(TimeProvider.System);

        UsersStorage.Add(services, builder.Configuration);

        services.AddSingleton<SigningKeyProtector>();
        services.AddStorageInitializer<SigningKeys>();
        services.AddHostedService<SigningKeyReloader>();
        services.AddStorageInitializer<AdminBootstrap>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<DeviceTokens>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<UsersMetrics>();
        // Users judges its own tokens against its own store, not over HTTP.
        services.AddSingleton<RevocationReader>();
        services.Replace(ServiceDescriptor.Singleton<IRevocationSource>(provider => provider.GetRequiredService<RevocationReader>()));

        // Users checks its own tokens with the key it holds, instead of fetching its own JWKS over HTTP.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure<SigningKeys>((o, keys) =>
        {
            // JwtBearer's own post-configure may already have built a manager for services:users; drop it too.
            o.MetadataAddress = null!;
            o.Authority = null;
            o.ConfigurationManager = null;
            o.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => keys.Published;
        });
        return builder;
    }
}
