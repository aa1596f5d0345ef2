using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Scenarios;

/// <summary>
/// A logged-in shopper's journey: 1–4 products into the cart, checkout with a fresh Idempotency-Key, then a few polls of the order.
/// Each journey holds one pre-registered account from the <see cref="UserPool"/> while it runs, so two journeys never share a cart.
/// Products come from those in stock at the start; a 409 (stock ran out since) is a correct answer of the shop under load: it counts as OK and shows in the status codes.
/// </summary>
internal static class ShopperScenario
{
    private const int Polls = 3;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static ScenarioProps Create(string name, HttpClient http, LoadOptions options)
    {
        var catalog = new CatalogSnapshot();
        var users = new UserPool([]);
        return options.Shape(Scenario.Create(name, ctx => users.WithUserAsync(user => IterateAsync(http, catalog, user, ctx)))
            .WithInit(async cancellationToken =>
            {
                await catalog.LoadAsync(http, options.DiscoveryPages, cancellationToken);
                if (catalog.InStock.Count == 0)
                    throw new InvalidOperationException("No product the run discovered has stock: a shopper could not buy anything.");
                users = new UserPool(await UserPool.CreateAsync(http, options.Users, logIn: true, cancellationToken));
            }));
    }

    private static async Task<Response> IterateAsync(HttpClient http, CatalogSnapshot catalog, UserSession user, ScenarioContext ctx)
    {
        var cancellationToken = ctx.CancellationToken;
        if (user.NeedsLogin && await Step.Run("login", ctx, () => user.LoginAsync(http, cancellationToken)) is { IsError: true } login)
            return login;

        var added = 0;
        foreach (var product in catalog.RandomInStock(Random.Shared.Next(1, 5)))
        {
            var add = await Step.Run("add-to-cart", ctx, () => StoreHttp.SendAsync<object>(http,
                StoreHttp.Json(HttpMethod.Put, $"/api/cart/items/{product.Id}", new CartItemRequest(Random.Shared.Next(1, 3)), StoreJsonContext.Default.CartItemRequest, user.AccessToken),
                null, cancellationToken, 409));
            if (add.IsError) return add;
            if (add.StatusCode != 409) added++;
        }
        if (added == 0) return Response.Ok(statusCode: 409, message: "out of stock");

        var checkout = await Step.Run("checkout", ctx, () =>
        {
            var request = StoreHttp.Request(HttpMethod.Post, "/api/orders", user.AccessToken);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            return StoreHttp.SendAsync(http, request, StoreJsonContext.Default.OrderDto, cancellationToken, 409);
        });
        if (checkout.IsError) return checkout;
        if (checkout.Payload is not { } order)
        {
            // Out of stock: nothing was ordered, so empty the cart for this user's next journey.
            return await Step.Run("clear-cart", ctx, () => StoreHttp.SendAsync<object>(http,
                StoreHttp.Request(HttpMethod.Delete, "/api/cart", user.AccessToken), null, cancellationToken));
        }

        Response status = checkout;
        for (var poll = 0; poll < Polls; poll++)
        {
            var read = await Step.Run("order-status", ctx, () => StoreHttp.SendAsync(http,
                StoreHttp.Get($"/api/orders/{order.Id}", user.AccessToken), StoreJsonContext.Default.OrderDto, cancellationToken));
            if (read.IsError || read.Payload?.Status != "Pending") return read;
            status = read;
            await Task.Delay(PollInterval, cancellationToken);
        }
        return status;
    }
}
