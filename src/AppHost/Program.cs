using ProductStore.AppHost.Model;
using ProductStore.AppHost.Publish;
using ProductStore.AppHost.Run;

var model = ProductStoreTopology.Create();
var repositoryRoot = RunSettings.FindRepositoryRoot();
if (args is ["publish", .. var publishArgs]) return PublishCommand.Run(publishArgs, model, repositoryRoot);

var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args.Where(a => a != "--no-monitoring").ToArray())
    .AddInMemoryCollection(args.Contains("--no-monitoring") ? [new("AppHost:Monitoring", "false")] : [])
    .Build();

return await RunCommand.RunAsync(model, RunSettings.FromConfiguration(configuration, repositoryRoot));
