using ProductStore.Cart.Tests.Fakes;

namespace ProductStore.Cart.Tests;

public class PersistenceTests
{
    [Fact]
    public async Task A_cart_survives_a_restart_on_the_same_data_directory()
    {
        await using var catalog = await FakeCatalog.StartAsync();
        var data = Directory.CreateTempSubdirectory("productstore-cart-restart-").FullName;
        try
        {
            var userId = Guid.NewGuid();
            var kept = catalog.Add(price: 3.25m);
            var removed = catalog.Add();
            await using (var first = new CartFactory(catalog, data))
            {
                var client = first.CreateCustomerClient(userId);
                await client.SetItemAsync(kept.Id, 4);
                await client.SetItemAsync(removed.Id, 1);
                await client.DeleteAsync($"/api/cart/items/{removed.Id}");
            }
            catalog.ChangePrice(kept.Id, 3.50m);

            await using var second = new CartFactory(catalog, data);
            var cart = await second.CreateCustomerClient(userId).GetCartAsync();

            var line = Assert.Single(cart.Items);
            Assert.Equal((kept.Id, kept.Name, 4, 3.25m, 3.50m, true), (line.ProductId, line.Name, line.Quantity, line.PriceWhenAdded, line.CurrentPrice, line.PriceChanged));
            Assert.Equal(14.00m, cart.Total);
            Assert.True(File.Exists(Path.Combine(data, "cart.sqlite")));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
