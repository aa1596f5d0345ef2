using ProductStore.ServiceDefaults;
using ProductStore.Users;
using ProductStore.Users.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddUsers();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapAccountApi();
app.MapAdminUsersApi();
app.MapWellKnownApi();
app.MapServiceTokenApi();
app.MapRevocationsApi();
app.MapSigningKeysApi();
app.Run();

public partial class Program;
