using ProductStore.Gateway;
using ProductStore.Gateway.Edge;
using ProductStore.Gateway.OpenApi;
using ProductStore.Gateway.Proxy;
using ProductStore.ServiceDefaults;
using ProductStore.ServiceDefaults.Problems;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
// No UseServiceDefaults: the gateway authenticates nobody (each service checks its own tokens), so it skips auth.
app.UseForwardedHeaders();
app.UseEdgeHeaders();
app.UseProblemResponses();
app.UseApiDocumentsUi();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapGatewayProxy();
app.Run();

public partial class Program;
