using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProductStore.ServiceDefaults.Auth;

public static class TokenRevocation
{
    /// <summary>
    /// Refuses validated access tokens that Users revoked (see <see cref="RevocationWatcher"/>), on every request, after
    /// JwtBearer checked signature and lifetime. Users replaces <see cref="IRevocationSource"/> with its own store.
    /// </summary>
    public static WebApplicationBuilder AddTokenRevocation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RevocationOptions>().BindConfiguration(RevocationOptions.Section);
        services.TryAddSingleton<IRevocationSource, HttpRevocationSource>();
        services.AddSingleton<RevocationWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<RevocationWatcher>());
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.Events ??= new JwtBearerEvents();
            var validated = o.Events.OnTokenValidated;
            o.Events.OnTokenValidated = async context =>
            {
                await validated(context);
                if (context.Principal is { } user && context.HttpContext.RequestServices.GetRequiredService<RevocationWatcher>().Refusal(user) is { } reason)
                    context.Fail(reason);
            };
        });
        return builder;
    }
}
