using ProductStore.ServiceDefaults;
using ProductStore.ServiceDefaults.Http;
using ProductStore.Storefront;
using ProductStore.Storefront.Components;
using ProductStore.Storefront.Shopping;

var builder = WebApplication.CreateBuilder(args);
builder.AddProcessDefaults();
builder.AddStorefront();

var app = builder.Build();
app.UseTrustedForwardedHeaders();
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseAuthentication();
app.UseAuthorization();
// After authentication: the output cache serves and keeps only anonymous requests' pages.
app.UseOutputCache();
app.UseAntiforgery();
app.MapProcessEndpoints();
app.MapStaticAssets();
app.MapNotAnApi();
app.MapCartLines();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();

public partial class Program;
