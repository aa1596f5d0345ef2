using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductStore.TestSupport;

namespace ProductStore.Users.Tests.Fakes;

/// <summary>
/// Users on its real pipeline and SQLite file. Tokens come from Users itself (log in through the API), never from
/// <see cref="TestTokens"/>. Its JWT backchannel only counts calls: Users must check its own tokens without asking itself.
/// </summary>
public sealed class UsersFactory : ServiceFactory<Program>
{
    public const string AdminEmail = "root@example.test";
    public const string AdminPassword = "correct horse battery staple";
    public const string OrdersClientSecret = "orders-test-secret";
    public const string SigningKeySecret = "a test secret that seals the signing keys";

    /// <summary>Settings over the defaults below; a null value removes one (e.g. the configured admin).</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>Another factory's data folder, to start Users again on the same data.</summary>
    public string? SharedDataDirectory { get; init; }

    /// <summary>Services to replace after the app registered its own (e.g. the clock).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public string Data => SharedDataDirectory ?? DataDirectory;

    /// <summary>The address requests seem to come from (the test server has no socket), e.g. a proxy's.</summary>
    public IPAddress? ClientAddress { get; init; }

    public RecordingHandler SelfCalls { get; } = new();

    public LogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:DataDirectory", Data);
        // Nothing listens here: if Users fetched its own metadata, authentication would fail.
        builder.UseSetting("services:users:http:0", "http://127.0.0.1:9/");
        builder.UseSetting("Users:Password:Iterations", "1000");
        builder.UseSetting("Users:ServiceClients:orders", OrdersClientSecret);
        var all = new Dictionary<string, string?>
        {
            ["Users:Admin:Email"] = AdminEmail, ["Users:Admin:Password"] = AdminPassword, ["Users:SigningKey:EncryptionSecret"] = SigningKeySecret,
        };
        foreach (var (key, value) in Settings) all[key] = value;
        foreach (var (key, value) in all) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = SelfCalls);
            services.AddSingleton<ILoggerProvider>(Logs);
        });
        if (ClientAddress is { } address)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddressFilter(address)));
        }
        if (TestServices is not null) builder.ConfigureServices(TestServices);
    }

    private sealed class ClientAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, inner) =>
            {
                context.Connection.RemoteIpAddress = address;
                return inner(context);
            });
            next(app);
        };
    }

    /// <summary>Counts requests and answers none of them.</summary>
    public sealed class RecordingHandler : HttpMessageHandler
    {
        private int _count;

        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
    }
}
