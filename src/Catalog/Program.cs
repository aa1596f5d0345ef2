using ProductStore.Catalog;
using ProductStore.Catalog.Apis;
using ProductStore.Catalog.Seeding;
using ProductStore.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCatalog();

var app = builder.Build();
if (BulkSeedCommand.Matches(args)) return await BulkSeedCommand.RunAsync(app, args);

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapCategoriesApi();
app.MapProductsApi();
app.MapStockApi();
app.Run();
return 0;

public partial class Program;
