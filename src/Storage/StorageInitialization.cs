namespace ProductStore.Storage;

/// <summary>Work that must finish before a service takes requests: schema migrations, then seeding.</summary>
public interface IStorageInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}

public static class StorageInitialization
{
    /// <summary>Initializers run once at start-up, in the order they were added.</summary>
    public static IServiceCollection AddStorageInitializer(this IServiceCollection services, Func<IServiceProvider, IStorageInitializer> create)
    {
        services.AddSingleton(new InitializerRegistration(create));
        if (!services.Any(s => s.ImplementationType == typeof(StorageInitializationService)))
        {
            // First of the hosted services: those added earlier (the revocation watcher, by the service defaults) read the stores.
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StorageInitializationService>());
        }
        return services;
    }

    public static IServiceCollection AddStorageInitializer<T>(this IServiceCollection services) where T : class, IStorageInitializer
    {
        services.AddSingleton<T>();
        return services.AddStorageInitializer(provider => provider.GetRequiredService<T>());
    }

    /// <summary>Runs the initializers as a start-up would, for commands that use the stores without serving (seeding).</summary>
    public static async Task InitializeStorageAsync(this IServiceProvider provider, CancellationToken cancellationToken)
    {
        foreach (var registration in provider.GetServices<InitializerRegistration>()) await registration.Create(provider).InitializeAsync(cancellationToken);
    }

    private sealed record InitializerRegistration(Func<IServiceProvider, IStorageInitializer> Create);

    // Hosted services start before Kestrel listens, so no request meets an unmigrated database.
    private sealed class StorageInitializationService(IServiceProvider provider) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => provider.InitializeStorageAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
