using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Http;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace ProductStore.Gateway.Proxy;

/// <summary>
/// <c>{ "RequestHeaderProxySecret": "true" }</c> in a route's transforms: its requests carry Gateway:ProxySecret, so the
/// storefront believes the client address the gateway forwards. Only routes that declare it get the secret.
/// </summary>
public sealed class ProxySecretTransform(IOptions<ForwardedHeadersTrustOptions> trust) : ITransformFactory
{
    public const string Key = "RequestHeaderProxySecret";

    public bool Validate(TransformRouteValidationContext context, IReadOnlyDictionary<string, string> transformValues)
    {
        if (!transformValues.TryGetValue(Key, out var value)) return false;
        if (value != "true") context.Errors.Add(new ArgumentException($"{Key} takes \"true\", not \"{value}\"."));
        return true;
    }

    public bool Build(TransformBuilderContext context, IReadOnlyDictionary<string, string> transformValues)
    {
        if (!transformValues.ContainsKey(Key)) return false;
        if (trust.Value.ProxySecret is { Length: > 0 } secret)
            context.AddRequestHeader(ForwardedHeadersTrustOptions.ProxySecretHeader, secret, append: false);
        return true;
    }
}
