using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ProductStore.TestSupport;

/// <summary>
/// A service under test on the real ASP.NET Core pipeline, with its own temporary data folder and tokens
/// from <see cref="TestTokens"/>. Subclass it per service to add that service's settings and fakes.
/// </summary>
public class ServiceFactory<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    public TestTokens Tokens { get; } = new();

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("productstore-test-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("services:users:http:0", TestTokens.UsersAddress);
        builder.ConfigureServices(services =>
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = Tokens.MetadataHandler));
    }

    /// <summary>A client that sends <paramref name="token"/> as its bearer token.</summary>
    public HttpClient CreateClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient CreateCustomerClient(Guid? userId = null) => CreateClient(Tokens.Customer(userId));
    public HttpClient CreateAdminClient() => CreateClient(Tokens.Admin());
    public HttpClient CreateServiceClient() => CreateClient(Tokens.Service());

    /// <summary>A new shopper: a fresh user id and a client carrying their customer token.</summary>
    public (Guid UserId, HttpClient Client) CreateShopper()
    {
        var userId = Guid.NewGuid();
        return (userId, CreateCustomerClient(userId));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) TryDelete(DataDirectory);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a process being torn down; the OS temp cleaner will get it.
        }
    }
}
