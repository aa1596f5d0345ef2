using ProductStore.TestSupport;
using System.Text.RegularExpressions;

namespace ProductStore.Deploy.Tests;

/// <summary>The publish command, run as the AppHost's command line with secrets in its environment, writes none of them.</summary>
public sealed partial class SecretTests
{
    private static readonly Dictionary<string, string> FakeSecrets = new()
    {
        ["ORDERS_CLIENT_SECRET"] = "fake-orders-secret-5f1c",
        ["CASSANDRA_USERNAME"] = "fake-cassandra-user-77a0",
        ["CASSANDRA_PASSWORD"] = "fake-cassandra-password-91be",
        ["GRAFANA_ADMIN_PASSWORD"] = "fake-grafana-password-0d3e",
        ["TELEGRAM_BOT_TOKEN"] = "123456:fake-telegram-token-aa9c",
        ["TELEGRAM_CHAT_ID"] = "-100987654321",
        ["Telegram__BotToken"] = "123456:fake-telegram-token-aa9c",
        ["Telegram__ChatId"] = "-100987654321",
    };

    [Theory]
    [InlineData("compose")]
    [InlineData("kubernetes")]
    public async Task No_secret_value_reaches_the_published_files(string target)
    {
        using var output = new TempFolder();
        var (exitCode, log) = await PublishAsync(target, output.Path);
        Assert.True(exitCode == 0, log);

        var files = Directory.EnumerateFiles(output.Path, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(target == "compose" ? "docker-compose.yml" : "kustomization.yaml", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            foreach (var (name, value) in FakeSecrets) Assert.False(text.Contains(value, StringComparison.Ordinal), $"{name}'s value is in {file}");
            foreach (Match match in SecretAssignment().Matches(text)) Assert.Fail($"{file} assigns a secret a value: {match.Value}");
        }
    }

    [Theory]
    [InlineData("      GF_SECURITY_ADMIN_PASSWORD: hunter2", true)]
    [InlineData("CASSANDRA_PASSWORD=hunter2", true)]
    [InlineData("    bot_token: 123:abc", true)]
    [InlineData("  TELEGRAM_BOT_TOKEN: \"\"", false)]
    [InlineData("CASSANDRA_PASSWORD=", false)]
    [InlineData("      ServiceAuth__ClientSecret: ${ORDERS_CLIENT_SECRET:?see .env.example}", false)]
    [InlineData("              value: $(ORDERS_CLIENT_SECRET)", false)]
    [InlineData("    bot_token_file: /run/secrets/telegram_bot_token", false)]
    [InlineData("                  name: service-credentials", false)]
    public void The_scan_tells_literal_secrets_from_references(string line, bool flagged) =>
        Assert.Equal(flagged, SecretAssignment().IsMatch(line));

    [Fact]
    public async Task An_unknown_target_or_a_missing_output_is_a_usage_error()
    {
        Assert.Equal(2, (await PublishArgumentsAsync(["publish", "helm", "--output", "x"])).ExitCode);
        Assert.Equal(2, (await PublishArgumentsAsync(["publish", "compose"])).ExitCode);
    }

    /// <summary>
    /// password/secret/token keys in YAML or .env with a literal value: only empty values, variable references and file
    /// paths pass (secretName and automountServiceAccountToken name no secret).
    /// </summary>
    [GeneratedRegex("""(?im)^[ \t-]*(?!secretName|automountServiceAccountToken)[\w.]*(password|secret|token)[\w.]*["']?\s*[:=](?>[ \t]*)(?!\s*$)(?!["']{2})(?!\$[{(])(?!/)[^\r\n]+""")]
    private static partial Regex SecretAssignment();

    /// <summary>The AppHost's own build output of this configuration: its dependencies are not all in the tests' folder.</summary>
    private static string AppHostAssembly()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(Published.RepositoryRoot, "src", "AppHost", "bin", framework.Parent!.Name, framework.Name, "AppHost.dll");
    }

    private static Task<(int ExitCode, string Output)> PublishAsync(string target, string output) =>
        PublishArgumentsAsync(["publish", target, "--output", output]);

    private static Task<(int ExitCode, string Output)> PublishArgumentsAsync(string[] arguments) =>
        Tools.RunAsync("dotnet", [AppHostAssembly(), .. arguments], environment: FakeSecrets);
}
