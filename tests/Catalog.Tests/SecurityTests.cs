using System.Net;
using System.Net.Http.Json;
using ProductStore.Catalog.Tests.Fakes;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.TestSupport;

namespace ProductStore.Catalog.Tests;

public class SecurityTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    public static TheoryData<string> BadTokens => ["another-key", "expired", "alg-none", "tampered"];

    private string Token(string kind) => kind switch
    {
        "another-key" => TestTokens.SignedByAnotherKey(Roles.Admin),
        "expired" => factory.Tokens.Expired(Roles.Admin),
        "alg-none" => TestTokens.Unsigned(Roles.Admin),
        _ => factory.Tokens.TamperedToAdmin(),
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_a_401_on_admin_endpoints_and_changes_nothing(string kind)
    {
        var client = factory.CreateClient(Token(kind));
        var slug = CatalogHttp.NewSlug();

        await (await client.PostAsJsonAsync("/api/catalog/categories", new { slug, name = "Forged" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await client.PostAsJsonAsync("/api/catalog/products", CatalogHttp.NewProduct(slug))).ShouldBeProblem(HttpStatusCode.Unauthorized);

        var categories = await factory.CreateClient().GetFromJsonAsync<List<CategoryDto>>("/api/catalog/categories") ?? [];
        Assert.DoesNotContain(categories, c => c.Slug == slug);
    }

    [Fact]
    public async Task An_admin_token_ends_within_seconds_of_the_accounts_stamp_changing_at_users()
    {
        var adminId = Guid.NewGuid();
        var before = factory.CreateClient(factory.Tokens.For(Roles.Admin, adminId, stamp: "before"));
        await (await before.PostAsJsonAsync("/api/catalog/categories", new { slug = CatalogHttp.NewSlug(), name = "Before" })).ShouldBe<CategoryDto>(HttpStatusCode.Created);

        factory.Tokens.ChangeStamp(adminId, "after");

        await RevokedTokens.ShouldBeRefusedSoonAsync(() => before.PostAsJsonAsync("/api/catalog/categories", new { slug = CatalogHttp.NewSlug(), name = "Late" }));
        var after = factory.CreateClient(factory.Tokens.For(Roles.Admin, adminId, stamp: "after"));
        await (await after.PostAsJsonAsync("/api/catalog/categories", new { slug = CatalogHttp.NewSlug(), name = "After" })).ShouldBe<CategoryDto>(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_a_401_on_internal_endpoints(string kind) =>
        await (await factory.CreateClient(Token(kind)).DeleteAsync($"/internal/stock/reservations/{Guid.CreateVersion7()}")).ShouldBeProblem(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task The_same_request_with_a_good_admin_token_succeeds()
    {
        // The control for the tests above: only the token differs.
        var response = await factory.CreateAdminClient().PostAsJsonAsync("/api/catalog/categories", new { slug = CatalogHttp.NewSlug(), name = "Real" });
        await response.ShouldBe<CategoryDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Browsing_needs_no_token()
    {
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/catalog/categories")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/catalog/products")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/catalog/products/lookup?ids={Guid.CreateVersion7()}")).StatusCode);
    }
}
