using ProductStore.Orders;
using ProductStore.Orders.Apis;
using ProductStore.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOrders();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOrdersApi();
app.MapAdminOrdersApi();
app.Run();

public partial class Program;
