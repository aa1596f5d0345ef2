using ProductStore.TestSupport;

namespace ProductStore.Deploy.Tests;

/// <summary>
/// validate-k8s.mjs with kubernetes-models and js-yaml, installed once per package.json into a cache folder outside
/// the repository (npm's own cache makes later installs offline).
/// </summary>
public static class K8sValidator
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> files)
    {
        var node = Tools.Require("node");
        var modules = await InstallAsync(Tools.Require("npm"));
        var script = Path.Combine(AppContext.BaseDirectory, "validate-k8s.mjs");
        return await Tools.RunAsync(node, [script, .. files], environment: [new("K8S_MODELS_DIR", modules)]);
    }

    private static async Task<string> InstallAsync(string npm)
    {
        var manifest = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "package.json"));
        var folder = Path.Combine(Path.GetTempPath(), "productstore-k8s-validate-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(manifest)))[..12]);
        await InstallGate.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(folder, "node_modules", "kubernetes-models"))) return folder;
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "package.json"), manifest);
            var (exitCode, log) = await Tools.RunAsync(npm, ["install", "--no-audit", "--no-fund", "--silent"], workingDirectory: folder);
            Assert.True(exitCode == 0, $"npm install failed in {folder}: {log}");
            return folder;
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
