namespace ProductStore.AppHost.Hosting;

/// <summary>
/// One of our .NET services. Run mode starts its build output as <c>dotnet Service.dll</c>: DCP would start a project
/// through <c>dotnet run</c>, which evaluates MSBuild at every start and stays resident beside the service (README,
/// Benchmarks: start time and memory before and after). The Aspire manifest still describes it as a project.
/// </summary>
public sealed class ServiceProjectResource(string name, string projectPath)
    : ExecutableResource(name, "dotnet", Path.GetDirectoryName(projectPath)!), IResourceWithServiceDiscovery
{
    public string ProjectPath { get; } = projectPath;

    /// <summary>The assembly a build of <paramref name="configuration"/> writes (bin/Debug/net10.0/Users.dll).</summary>
    public string AssemblyPath(string configuration) => Path.Combine(WorkingDirectory, "bin", configuration,
        TargetFramework, Path.GetFileNameWithoutExtension(ProjectPath) + ".dll");

    // Every project of the solution targets the framework the AppHost runs on (Directory.Build.props).
    private static string TargetFramework => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
}
