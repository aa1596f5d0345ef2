using ProductStore.AppHost.Hosting;
using ProductStore.AppHost.Monitoring;

namespace ProductStore.AppHost.Publish;

/// <summary>
/// Ingress is denied unless the model says who calls whom: a resource admits its callers (the resources that
/// reference it) on its main port, public resources admit everyone, Cassandra its services and its own members,
/// Jaeger the services' traces, and Prometheus may scrape every pod.
/// </summary>
internal static class KubernetesNetworkPolicies
{
    public static IEnumerable<object> For(DeployedModel model)
    {
        yield return Policy("default-deny-ingress", Yaml.Map(), ingress: null);
        yield return Policy("allow-prometheus-scrape", Yaml.Map(), Yaml.List(Rule(From(["prometheus"]), ports: null)));
        foreach (var resource in Deployment.Workloads(model))
        {
            var rules = Rules(model, resource).ToList();
            if (rules.Count > 0) yield return Policy($"allow-{resource.Name}", Yaml.Map(("matchLabels", Yaml.Map((KubernetesWorkloads.NameLabel, resource.Name)))), rules);
        }
    }

    private static IEnumerable<object> Rules(DeployedModel model, DeployedResource resource)
    {
        var mainPort = new[] { Deployment.PortOf(resource) };
        if (resource.IsPublic) yield return Rule(from: null, mainPort);
        var callers = model.CallersOf(resource.Name).Select(r => r.Name).ToList();
        if (callers.Count > 0) yield return Rule(From(callers), mainPort);
        if (resource.Name == Deployment.Storage)
        {
            yield return Rule(From(model.Projects.Where(p => p.HasStorage).Select(p => p.Name)), mainPort);
            yield return Rule(From([resource.Name]), resource.ExtraPorts.Values.Order());
        }
        if (resource.Name == Deployment.TelemetryCollector)
            yield return Rule(From(model.Projects.Select(p => p.Name)), resource.ExtraPorts.Values.Order());
    }

    private static SortedDictionary<string, object> Policy(string name, SortedDictionary<string, object> podSelector, List<object>? ingress) => Yaml.Map(
        ("apiVersion", "networking.k8s.io/v1"),
        ("kind", "NetworkPolicy"),
        ("metadata", Yaml.Map(("name", name), ("namespace", Deployment.Namespace))),
        ("spec", Yaml.Map(
            ("podSelector", podSelector),
            ("policyTypes", Yaml.List("Ingress")),
            ("ingress", ingress))));

    private static SortedDictionary<string, object> Rule(List<object>? from, IEnumerable<int>? ports) => Yaml.Map(
        ("from", from),
        ("ports", ports is null ? null : Yaml.ListOf(ports.Select(p => Yaml.Map(("protocol", "TCP"), ("port", p))))));

    private static List<object> From(IEnumerable<string> apps) => Yaml.List(Yaml.Map(("podSelector", Yaml.Map(("matchExpressions", Yaml.List(Yaml.Map(
        ("key", KubernetesWorkloads.NameLabel),
        ("operator", "In"),
        ("values", Yaml.ListOf(apps.Distinct().Order(StringComparer.Ordinal))))))))));
}
