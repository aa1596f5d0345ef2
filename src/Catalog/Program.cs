using ProductStore.Catalog;
using ProductStore.Catalog.Apis;
using ProductStore.Catalog.Seeding;
using ProductStore.ServiceDefaults;

var seeding = BulkSeedCommand.Matches(args);
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCatalog();
if (seeding) BulkSeedCommand.Configure(builder);

var app = builder.Build();
if (seeding) return await BulkSeedCommand.RunAsync(app, args);

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapCategoriesApi();
app.MapProductsApi();
app.MapStockApi();
app.MapStockAdjustmentsApi();
app.Run();
return 0;

public partial class Program;
