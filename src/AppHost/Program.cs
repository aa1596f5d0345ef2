using ProductStore.AppHost.Hosting;
using ProductStore.AppHost.Publish;

// ProductStore's topology, once: run mode, the Aspire manifest and our compose and Kubernetes publishers all read it.
var builder = DistributedApplication.CreateBuilder(PublishCommand.AspireArguments(args));
builder.KeepSecretsFromChildProcesses();
builder.CheckHealthPromptly();

var storage = builder.AddProductStoreStorage("cassandra");
var ordersClientSecret = builder.AddGeneratedSecret("orders-client-secret", "orders's client secret, exchanged at users for service tokens");

var users = builder.AddService<Projects.Users>("users", port: 8003)
    .WithStorage(storage)
    .WithAdminAccount()
    .WithSigningKeySecret()
    .BehindTheGateway()
    .WithEnvironment("Users__ServiceClients__orders", ordersClientSecret);

var catalog = builder.AddService<Projects.Catalog>("catalog", port: 8000)
    .WithStorage(storage)
    .WithReference(users).WaitFor(users);

var cart = builder.AddService<Projects.Cart>("cart", port: 8001)
    .WithStorage(storage)
    .WithReference(users).WaitFor(users)
    .WithReference(catalog).WaitFor(catalog);

var orders = builder.AddService<Projects.Orders>("orders", port: 8002)
    .WithStorage(storage)
    .WithReference(users).WaitFor(users)
    .WithReference(catalog).WaitFor(catalog)
    .WithReference(cart).WaitFor(cart)
    .WithEnvironment("ServiceAuth__ClientId", "orders")
    .WithEnvironment("ServiceAuth__ClientSecret", ordersClientSecret);

var storefront = builder.AddService<Projects.Storefront>("storefront", port: 8004)
    .WithDataDirectory()
    .WithKeyRingSecret()
    .BehindTheGateway();

var gateway = builder.AddService<Projects.Gateway>("gateway", port: 8080)
    .WithManagementEndpoint(port: 8085)
    .TrustingTheStorefront(storefront)
    .WithReference(users).WaitFor(users)
    .WithReference(catalog).WaitFor(catalog)
    .WithReference(cart).WaitFor(cart)
    .WithReference(orders).WaitFor(orders)
    .WithReference(storefront).WaitFor(storefront)
    .WithDeployment(d => d.IsPublic = true)
    .PrintWhenReady();

// The storefront is a client of the public API through the gateway: given its address, not a reference, since the
// gateway references the storefront for its pages and references must not form a cycle.
storefront.WithEnvironment(context => context.EnvironmentVariables["services__gateway__http__0"] = gateway.GetEndpoint("http"));

var pushgateway = builder.AddMonitoring(scraped: [users, catalog, cart, orders, storefront, gateway]);
builder.AddBackups(storage, pushgateway);

if (PublishCommand.IsRequested(args)) return await PublishCommand.RunAsync(builder, args);
builder.Build().Run();
return 0;
