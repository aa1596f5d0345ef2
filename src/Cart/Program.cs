using ProductStore.Cart;
using ProductStore.Cart.Apis;
using ProductStore.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCart();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapCartApi();
app.MapInternalCartApi();
app.Run();

public partial class Program;
