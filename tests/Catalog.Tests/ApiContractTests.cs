using ProductStore.Catalog.Tests.Fakes;
using ProductStore.TestSupport.ApiContract;

namespace ProductStore.Catalog.Tests;

/// <summary>The catalog's OpenAPI document against the catalog itself (issue 16): lint, shape, and generated requests.</summary>
public class ApiContractTests(CatalogFactory factory) : ServiceContractTests, IClassFixture<CatalogFactory>
{
    protected override string Service => "catalog";

    protected override Task<Func<string?, HttpClient>> ClientsAsync() => TestTokenClients(factory);

    [Fact]
    public async Task Public_operations_need_no_token_admin_ones_say_so_and_internal_ones_are_not_listed()
    {
        var operations = (await DocumentAsync()).Operations.ToDictionary(o => o.ToString());

        Assert.False(operations["GET /api/catalog/products"].IsSecured);
        Assert.False(operations["GET /api/catalog/products/{id}"].IsSecured);
        Assert.True(operations["POST /api/catalog/products"].IsSecured);
        Assert.Contains("admin", (string?)operations["POST /api/catalog/products"].Node["description"]);
        Assert.NotNull(operations["POST /api/catalog/products"].Responses["403"]);
        Assert.DoesNotContain(operations.Keys, key => key.Contains("/internal/"));
        var ifMatch = operations["PUT /api/catalog/products/{id}"].Parameters.Single(p => (string?)p["name"] == "If-Match");
        Assert.True((bool?)ifMatch["required"]);
    }

    [Fact]
    public async Task The_property_test_catches_a_status_the_document_does_not_declare()
    {
        var document = await DocumentAsync();
        var product = document.Operations.Single(o => o.ToString() == "GET /api/catalog/products/{id}");
        product.Responses.Remove("404");

        var caught = Assert.ThrowsAny<Exception>(() => PropertyOf(document).GetAwaiter().GetResult().Check(testsPerOperation: 40));

        Assert.Contains("undocumented status 404", caught.ToString());
    }
}
