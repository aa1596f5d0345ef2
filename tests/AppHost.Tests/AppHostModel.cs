using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace ProductStore.AppHost.Tests;

/// <summary>The AppHost's model as <c>DistributedApplicationTestingBuilder</c> builds it, without starting anything.</summary>
internal static class AppHostModel
{
    public static async Task<IDistributedApplicationTestingBuilder> BuildAsync(params string[] arguments) =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(arguments, TestContext.Current.CancellationToken);

    public static IResource Resource(this IDistributedApplicationTestingBuilder builder, string name) =>
        builder.Resources.Single(r => r.Name == name);

    /// <summary>A resource's variables as its environment callbacks set them, unresolved (endpoints, parameters, literals).</summary>
    public static async Task<Dictionary<string, object>> EnvironmentAsync(
        this IDistributedApplicationTestingBuilder builder, string name, DistributedApplicationOperation operation = DistributedApplicationOperation.Run)
    {
        var variables = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(operation), builder.Resource(name), variables);
        foreach (var callback in builder.Resource(name).Annotations.OfType<EnvironmentCallbackAnnotation>()) await callback.Callback(context);
        return variables;
    }

    public static IEnumerable<string> ReferencedNames(this IResource resource) =>
        resource.Annotations.OfType<EndpointReferenceAnnotation>().Select(a => a.Resource.Name).Order(StringComparer.Ordinal);

    public static IEnumerable<string> AwaitedNames(this IResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(a => a.Resource.Name).Order(StringComparer.Ordinal);
}
