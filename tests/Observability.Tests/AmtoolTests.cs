using ProductStore.TestSupport;
namespace ProductStore.Observability.Tests;

/// <summary>Alertmanager's own checks of our configuration, routing and Telegram template.</summary>
public sealed class AmtoolTests
{
    [Fact]
    public async Task Alertmanager_configuration_is_valid()
    {
        var amtool = Tools.Require("amtool");
        var (exitCode, output) = await Tools.RunAsync(amtool, ["check-config", Repository.AlertmanagerConfig], workingDirectory: Repository.Root);

        Assert.True(exitCode == 0, output);
        Assert.Contains("1 templates", output);
    }

    [Theory]
    [InlineData("severity=critical", "telegram-critical")]
    [InlineData("severity=warning", "telegram-warning")]
    [InlineData("alertname=Unlabelled", "telegram-warning")]
    public async Task Alerts_are_routed_by_severity(string label, string receiver)
    {
        var amtool = Tools.Require("amtool");
        var (exitCode, output) = await Tools.RunAsync(amtool, ["config", "routes", "test", $"--config.file={Repository.AlertmanagerConfig}", label], workingDirectory: Repository.Root);

        Assert.True(exitCode == 0, output);
        // amtool adds a warning on stderr that --config.file wins over --alertmanager.url.
        Assert.Equal(receiver, output.Split('\n')[0].Trim());
    }

    [Fact]
    public async Task Telegram_message_names_alert_service_value_summary_and_link_for_firing_and_resolved_alerts()
    {
        var amtool = Tools.Require("amtool");
        var data = Path.GetTempFileName();
        await File.WriteAllTextAsync(data, """
            {
              "receiver": "telegram-critical", "status": "firing", "externalURL": "http://127.0.0.1:9093",
              "groupLabels": {"alertname": "HighErrorRate", "job": "orders"}, "commonLabels": {}, "commonAnnotations": {},
              "alerts": [
                {"status": "firing", "labels": {"alertname": "HighErrorRate", "job": "orders", "severity": "critical"},
                 "annotations": {"summary": "orders: more than 5% of requests fail with 5xx", "description": "12% of requests <5xx>", "value": "12%"},
                 "startsAt": "2026-01-01T00:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                 "generatorURL": "http://127.0.0.1:9090/graph?g0.expr=up&g0.tab=1", "fingerprint": "1"},
                {"status": "resolved", "labels": {"alertname": "ServiceDown", "job": "cart", "severity": "critical"},
                 "annotations": {"summary": "cart is down", "description": "d", "value": "up = 0"},
                 "startsAt": "2026-01-01T00:00:00Z", "endsAt": "2026-01-01T00:05:00Z",
                 "generatorURL": "http://127.0.0.1:9090/graph?g0.expr=up%3D%3D0", "fingerprint": "2"}
              ]
            }
            """);

        var (exitCode, output) = await Tools.RunAsync(amtool, ["template", "render",
            $"--template.glob={Repository.PathTo("alertmanager", "templates", "*.tmpl")}",
            "--template.text={{ template \"productstore.telegram.message\" . }}",
            $"--template.data={data}"], workingDirectory: Repository.Root);
        File.Delete(data);

        Assert.True(exitCode == 0, output);
        var (firing, resolved) = (output[..output.IndexOf("RESOLVED", StringComparison.Ordinal)], output[output.IndexOf("RESOLVED", StringComparison.Ordinal)..]);
        Assert.Contains("FIRING: 1", firing);
        Assert.Contains("<b>HighErrorRate</b> on <b>orders</b>", firing);
        Assert.Contains("Value: 12%", firing);
        Assert.Contains("orders: more than 5% of requests fail with 5xx", firing);
        // Telegram's HTML mode: text is escaped, the link keeps working.
        Assert.Contains("12% of requests &lt;5xx&gt;", firing);
        Assert.Contains("<a href=\"http://127.0.0.1:9090/graph?g0.expr=up&amp;g0.tab=1\">", firing);
        Assert.Contains("<b>ServiceDown</b> on <b>cart</b>", resolved);
        Assert.Contains("Value: up = 0", resolved);
        Assert.Contains("cart is down", resolved);
    }
}
