using System.Net;
using System.Net.Http.Json;
using ProductStore.Catalog.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Catalog.Tests;

/// <summary>Product and category names with control or bidirectional formatting characters are refused with a 400 naming the field (issue 16).</summary>
public class PlainNamesTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    private readonly HttpClient _admin = factory.CreateAdminClient();

    public static TheoryData<string> NotPlain => ["Lamp\0", "Lamp\nSale", "Lamp\u001B[31m", "gnp.\u202Eexe", "Lamp\u2066", "Lamp\u200F"];

    [Theory]
    [MemberData(nameof(NotPlain))]
    public async Task A_new_product_named_so_is_refused(string name)
    {
        var category = await _admin.CreateCategoryAsync();

        await (await _admin.PostAsJsonAsync("/api/catalog/products", CatalogHttp.NewProduct(category.Slug, name: name))).ShouldBeValidationProblem("name");
    }

    [Theory]
    [MemberData(nameof(NotPlain))]
    public async Task A_product_renamed_so_is_refused_and_keeps_its_name(string name)
    {
        var category = await _admin.CreateCategoryAsync();
        var product = await _admin.CreateProductAsync(category.Slug);

        await (await _admin.EditProductAsync(product.Id, CatalogHttp.NewEdit(category.Slug, name: name))).ShouldBeValidationProblem("name");

        Assert.Equal(product.Name, (await _admin.GetProductAsync(product.Id)).Name);
    }

    [Theory]
    [MemberData(nameof(NotPlain))]
    public async Task A_category_named_or_renamed_so_is_refused(string name)
    {
        await (await _admin.PostAsJsonAsync("/api/catalog/categories", new { slug = CatalogHttp.NewSlug(), name })).ShouldBeValidationProblem("name");
        var category = await _admin.CreateCategoryAsync();
        await (await _admin.PutAsJsonAsync($"/api/catalog/categories/{category.Slug}", new { name })).ShouldBeValidationProblem("name");
    }

    [Fact]
    public async Task Names_in_other_scripts_and_with_inner_spaces_are_plain()
    {
        var category = await _admin.CreateCategoryAsync(name: "Café & Thé");

        var product = await _admin.CreateProductAsync(category.Slug, name: "Lámpara שולחן 台灯");

        Assert.Equal("Lámpara שולחן 台灯", product.Name);
    }
}
