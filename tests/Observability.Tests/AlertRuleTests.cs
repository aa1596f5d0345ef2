using ProductStore.TestSupport;
using YamlDotNet.RepresentationModel;

namespace ProductStore.Observability.Tests;

/// <summary>Every alert carries what Alertmanager and the Telegram message need, and is unit-tested both ways.</summary>
public sealed class AlertRuleTests
{
    private static readonly string[] ExpectedAlerts =
    [
        "BackupMissing", "CheckoutFailuresRising", "DatabaseHighRps", "HighCpu", "HighErrorRate", "HighMemory", "HighP99Latency", "OrdersStuck",
        "PasswordGuessing", "ServiceDown",
    ];

    public static TheoryData<string> Alerts => new(ExpectedAlerts);

    [Fact]
    public void Every_expected_alert_exists_once()
    {
        Assert.Equal(ExpectedAlerts, AlertRules.All().Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Alerts))]
    public void Alert_has_a_severity_and_annotations_naming_the_service_and_value(string alert)
    {
        var rule = AlertRules.All().Single(r => r.Name == alert);

        Assert.Contains(rule.Labels["severity"], new[] { "critical", "warning" });
        Assert.Contains("{{ $labels.job }}", rule.Annotations["summary"]);
        Assert.Contains("{{ $labels.job }}", rule.Annotations["description"]);
        Assert.Contains("$value", rule.Annotations["description"]);
        Assert.Contains("$value", rule.Annotations["value"]);
    }

    [Theory]
    [MemberData(nameof(Alerts))]
    public void Alert_has_unit_tests_where_it_fires_and_where_it_does_not(string alert)
    {
        var cases = UnitTestCases().Where(c => c.Alert == alert).ToList();

        Assert.Contains(cases, c => c.ExpectedAlerts > 0);
        Assert.Contains(cases, c => c.ExpectedAlerts == 0);
    }

    [Fact]
    public void ServiceDown_inhibits_latency_and_error_alerts_of_the_same_job()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Repository.AlertmanagerConfig)) yaml.Load(reader);
        var rule = (YamlMappingNode)Assert.Single(((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("inhibit_rules")]).Children);

        Assert.Equal(["alertname=\"ServiceDown\""], Strings(rule, "source_matchers"));
        Assert.Equal(["alertname=~\"HighP99Latency|HighErrorRate\""], Strings(rule, "target_matchers"));
        Assert.Equal(["job"], Strings(rule, "equal"));
    }

    private static string[] Strings(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();

    private static IEnumerable<(string Alert, int ExpectedAlerts)> UnitTestCases()
    {
        foreach (var file in Repository.Files(Path.Combine("prometheus", "tests"), "*.yml"))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(file)) yaml.Load(reader);
            var tests = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("tests")];
            foreach (var test in tests.Children.Cast<YamlMappingNode>())
            {
                if (!test.Children.TryGetValue(new YamlScalarNode("alert_rule_test"), out var cases)) continue;
                foreach (var @case in ((YamlSequenceNode)cases).Children.Cast<YamlMappingNode>())
                    yield return (((YamlScalarNode)@case.Children[new YamlScalarNode("alertname")]).Value!,
                        ((YamlSequenceNode)@case.Children[new YamlScalarNode("exp_alerts")]).Children.Count);
            }
        }
    }
}
