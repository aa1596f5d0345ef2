using ProductStore.Gateway;
using ProductStore.Gateway.Edge;
using ProductStore.Gateway.Health;
using ProductStore.Gateway.Management;
using ProductStore.Gateway.OpenApi;
using ProductStore.Gateway.Proxy;
using ProductStore.ServiceDefaults;
using ProductStore.ServiceDefaults.Http;
using ProductStore.ServiceDefaults.Problems;

var builder = WebApplication.CreateBuilder(args);
builder.AddProcessDefaults();
builder.AddGateway();

var app = builder.Build();
// Process defaults only: the gateway authenticates nobody (each service checks its own tokens) and its API is theirs.
app.UseManagementEndpoints();
app.UseTrustedForwardedHeaders();
app.UseEdgeHeaders();
app.UseProblemResponses();
app.UseForwardableRequests();
app.UseApiDocumentsUi();
app.UseRateLimiter();
app.MapPublicHealthEndpoints();
app.MapProcessPathsNotRelayed();
app.MapGatewayProxy();
app.Run();

public partial class Program;
