using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ProductStore.Storefront.Session;

/// <summary>
/// ASP.NET Core 10 issues antiforgery tokens as every page's response starts: a cookie, two Data Protection seals and
/// no-store headers, even on a page without a form. Here a page issues them only when it renders a form or hands a token
/// to a component, so form-less pages (the catalog) skip that work and may be cached.
/// </summary>
public static class OnDemandAntiforgery
{
    private static readonly object IssuedKey = new();

    /// <summary>Call after <c>AddRazorComponents</c>: it replaces the antiforgery service and Blazor's token provider.</summary>
    public static IServiceCollection AddOnDemandAntiforgery(this IServiceCollection services)
    {
        services.AddAntiforgery();
        var framework = services.Last(d => d.ServiceType == typeof(IAntiforgery)).ImplementationType
            ?? throw new InvalidOperationException("The antiforgery service is expected to be registered by type.");
        services.Replace(ServiceDescriptor.Singleton<IAntiforgery>(sp => new PageAntiforgery(
            (IAntiforgery)ActivatorUtilities.CreateInstance(sp, framework), sp.GetRequiredService<IOptions<AntiforgeryOptions>>())));
        services.Replace(ServiceDescriptor.Scoped<AntiforgeryStateProvider, PageAntiforgeryStateProvider>());
        return services;
    }

    private static bool IsPage(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    /// <summary>Passes on Blazor's "store the tokens as the page starts" only for a page that issued a token while rendering.</summary>
    private sealed class PageAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery
    {
        public AntiforgeryTokenSet GetAndStoreTokens(HttpContext context) =>
            IsPage(context) && !context.Items.ContainsKey(IssuedKey)
                ? new AntiforgeryTokenSet(null, null, options.Value.FormFieldName, options.Value.HeaderName)
                : inner.GetAndStoreTokens(context);

        public AntiforgeryTokenSet GetTokens(HttpContext context) => inner.GetTokens(context);

        public Task<bool> IsRequestValidAsync(HttpContext context) => inner.IsRequestValidAsync(context);

        public Task ValidateRequestAsync(HttpContext context) => inner.ValidateRequestAsync(context);

        public void SetCookieTokenAndHeader(HttpContext context) => inner.SetCookieTokenAndHeader(context);
    }

    /// <summary>A page's request token, issued when a form first asks for one and carried into the page's circuit.</summary>
    private sealed class PageAntiforgeryStateProvider(IHttpContextAccessor http, IAntiforgery antiforgery) : AntiforgeryStateProvider
    {
        /// <summary>Blazor persists this for the page's circuit; it stays null (and unsent) on a page that issued none.</summary>
        [PersistentState]
        public AntiforgeryRequestToken? CurrentToken { get; set; }

        public override AntiforgeryRequestToken? GetAntiforgeryToken() => CurrentToken ??= Issue();

        private AntiforgeryRequestToken? Issue()
        {
            // In a circuit the request is the circuit's connection: only the token its page handed over counts.
            if (http.HttpContext is not { } context || !IsPage(context)) return null;
            if (context.Response.HasStarted)
            {
                throw new InvalidOperationException(
                    "A form asked for an antiforgery token after the page's response started (in streamed content), too late to set its cookie. Render the form, or an <AntiforgeryToken />, before the page's first await.");
            }
            context.Items[IssuedKey] = true;
            var tokens = antiforgery.GetAndStoreTokens(context);
            return tokens.RequestToken is { } value ? new AntiforgeryRequestToken(value, tokens.FormFieldName) : null;
        }
    }
}
