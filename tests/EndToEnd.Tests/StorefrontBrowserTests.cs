using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests;

/// <summary>The storefront through the gateway, in Debian's chromium: what a shopper and an admin do, with and without JavaScript.</summary>
public sealed class StorefrontBrowserTests(SystemFixture fixture) : IClassFixture<SystemFixture>, IAsyncLifetime
{
    private const string Password = "storefront-test-password-1";
    // Every wait has a bound, and so has each test: a stuck page fails the test instead of hanging the run.
    private const int TestTimeout = 240_000;
    private const float ActionTimeout = 20_000;
    private const float NavigationTimeout = 30_000;
    private const float ExpectTimeout = 10_000;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<string> _consoleErrors = [];

    private Uri Shop => fixture.System.Gateway;

    public async ValueTask InitializeAsync()
    {
        var chromium = Tools.Require("chromium");
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(ExpectTimeout);
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Timeout = NavigationTimeout,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(15));
        _playwright?.Dispose();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_shopper_browses_filters_adds_two_products_registers_checks_out_and_sees_the_order_delivered()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Shop.ToString());
        await Assertions.Expect(page.Locator(".products .card").First).ToBeVisibleAsync();
        await CheckAsync(page, "catalog");

        await page.Locator(".categories a").Nth(1).ClickAsync();
        await page.GetByLabel("In stock only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("inStock=true", StringComparison.Ordinal) && url.Contains("category=", StringComparison.Ordinal));
        var names = await page.Locator(".products .card .name").AllInnerTextsAsync();
        Assert.True(names.Count >= 2, $"the filtered category lists {names.Count} products");

        var filtered = page.Url;
        foreach (var name in names.Take(2))
        {
            await page.GotoAsync(filtered);
            await page.GetByRole(AriaRole.Link, new() { Name = name }).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added to your cart");
        }
        await CheckAsync(page, "product");

        await page.GotoAsync(new Uri(Shop, "/cart").ToString());
        await Assertions.Expect(page.Locator("table.cart tbody tr")).ToHaveCountAsync(2);
        await CheckAsync(page, "cart");
        await page.GetByRole(AriaRole.Link, new() { Name = "create an account" }).ClickAsync();
        await RegisterAsync(page);
        await page.WaitForURLAsync(url => url.EndsWith("/checkout", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".summary li")).ToHaveCountAsync(2);
        await CheckAsync(page, "checkout");

        // The order's status follows the order over the page's circuit (an interactive server component), not reloads.
        var circuit = page.WaitForWebSocketAsync(new() { Predicate = socket => socket.Url.Contains("/_blazor", StringComparison.Ordinal) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/orders/", StringComparison.Ordinal));
        await circuit;
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync("Delivered", new() { Timeout = 20_000 });
        await CheckAsync(page, "order");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_catalog_page_first_load_transfers_at_most_150_KB_of_html_css_and_script()
    {
        var page = await NewPageAsync();
        var requests = new System.Collections.Concurrent.ConcurrentQueue<IRequest>();
        page.RequestFinished += (_, request) => requests.Enqueue(request);

        await page.GotoAsync(Shop.ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });

        // Bytes on the wire as the browser received them (headers and encoded bodies), images left out.
        var counted = requests.Where(r => r.ResourceType != "image").ToList();
        long transferred = 0;
        foreach (var request in counted)
        {
            var sizes = await request.SizesAsync();
            transferred += sizes.ResponseHeadersSize + sizes.ResponseBodySize;
        }
        Directory.CreateDirectory("artifacts");
        await File.WriteAllTextAsync(Path.Combine("artifacts", "storefront-catalog-first-load.txt"),
            $"{transferred} bytes in {counted.Count} responses: {string.Join(", ", counted.Select(r => new Uri(r.Url).AbsolutePath))}\n");
        Assert.Contains(counted, r => r.ResourceType == "script");
        Assert.InRange(transferred, 1, 150 * 1024);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_double_click_on_place_order_places_one_order()
    {
        var page = await NewPageAsync();
        var email = await RegisterAsync(page, fromHome: true);
        await AddFirstProductAsync(page);
        await page.GotoAsync(new Uri(Shop, "/checkout").ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).DblClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/orders/", StringComparison.Ordinal));

        Assert.Equal(1, await OrderCountAsync(email));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_admin_creates_a_product_and_a_shopper_finds_it()
    {
        var admin = await NewPageAsync();
        await LogInAsync(admin, ProductStoreSystem.AdminEmail, ProductStoreSystem.AdminPassword);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Back office" }).ClickAsync();
        await CheckAsync(admin, "back-office");
        await admin.GotoAsync(new Uri(Shop, "/admin/products/new").ToString());
        var name = $"Storefront Lamp {Guid.NewGuid():N}"[..26];
        await admin.GetByLabel("SKU").FillAsync("SF-" + Guid.NewGuid().ToString("N")[..10]);
        await admin.GetByLabel("Name").FillAsync(name);
        await admin.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await admin.GetByLabel("Price").FillAsync("19.90");
        await admin.GetByLabel("Stock").FillAsync("5");
        await CheckAsync(admin, "product-editor");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(name);

        var shopper = await NewPageAsync();
        await shopper.GotoAsync(new Uri(Shop, "/?q=" + Uri.EscapeDataString(name)).ToString());
        await Assertions.Expect(shopper.Locator(".products .card .name")).ToHaveTextAsync([name]);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_customer_is_refused_the_back_office_and_sees_no_link_to_it()
    {
        var page = await NewPageAsync();
        await RegisterAsync(page, fromHome: true);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back office" })).ToHaveCountAsync(0);

        var response = await page.GotoAsync(new Uri(Shop, "/admin/products").ToString());

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await CheckAsync(page, "forbidden");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Without_javascript_a_shopper_browses_adds_to_the_cart_and_checks_out()
    {
        var page = await NewPageAsync(javaScript: false);
        await page.GotoAsync(Shop.ToString());
        await page.GetByLabel("Search").FillAsync("a");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]q=a(&|$)"));
        await page.Locator(".products .card a").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added to your cart");

        await page.GotoAsync(new Uri(Shop, "/register?returnUrl=%2Fcheckout").ToString());
        await RegisterAsync(page);
        await page.WaitForURLAsync(url => url.EndsWith("/checkout", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/orders/", StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("[data-status]")).ToBeVisibleAsync();
        await CheckAsync(page, "order-no-js", javaScript: false);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_guest_changes_a_quantity_with_the_stepper_without_a_page_load_and_keeps_it_after_a_reload()
    {
        var page = await NewPageAsync();
        var product = await AddPlentifulProductAsync(page);

        await StepUpInPlaceAsync(page, product);

        await CheckAsync(page, "cart-stepper-guest");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_signed_in_shopper_changes_a_quantity_with_the_stepper_without_a_page_load_and_keeps_it_after_a_reload()
    {
        var page = await NewPageAsync();
        await RegisterAsync(page, fromHome: true);
        var product = await AddPlentifulProductAsync(page);

        await StepUpInPlaceAsync(page, product);

        await CheckAsync(page, "cart-stepper-account");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Without_javascript_a_shopper_changes_a_quantity_with_the_update_button()
    {
        var page = await NewPageAsync(javaScript: false);
        var product = await AddPlentifulProductAsync(page);
        await page.GotoAsync(new Uri(Shop, "/cart").ToString());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = $"Increase quantity of {product.Name}" }).CountAsync());

        await page.GetByLabel($"Quantity of {product.Name}").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-item-count]")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-cart-total]")).ToHaveTextAsync(Money(3 * product.Price, product.Currency));
        await page.GotoAsync(new Uri(Shop, "/cart").ToString());
        await Assertions.Expect(page.GetByLabel($"Quantity of {product.Name}")).ToHaveValueAsync("3");
        await CheckAsync(page, "cart-no-js", javaScript: false);
    }

    /// <summary>
    /// On the cart page's circuit, + takes the only line from 1 to 2: the number, the line total, the item count and
    /// the cart total change with no page load (no request for the page, the window's own state kept), and a reload
    /// shows 2, so the change reached the cart (the guest's cookie or the Cart API), not only the screen.
    /// </summary>
    private async Task StepUpInPlaceAsync(IPage page, (string Name, decimal Price, string Currency) product)
    {
        await page.GotoAsync(new Uri(Shop, "/cart").ToString());
        var increase = page.GetByRole(AriaRole.Button, new() { Name = $"Increase quantity of {product.Name}" });
        // The steppers render once the circuit is up: before, the line is the plain form.
        await Assertions.Expect(increase).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-item-count]")).ToHaveTextAsync("1");
        await page.EvaluateAsync("() => window.stepperProbe = 'same page'");
        var pageLoads = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "document" || new Uri(request.Url).AbsolutePath == "/cart") pageLoads.Add(request.Url);
        };

        await increase.ClickAsync();

        var quantity = page.GetByRole(AriaRole.Spinbutton, new() { Name = $"Quantity of {product.Name}", Exact = true });
        await Assertions.Expect(quantity).ToHaveValueAsync("2");
        await Assertions.Expect(page.Locator("[data-item-count]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-cart-total]")).ToHaveTextAsync(Money(2 * product.Price, product.Currency));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{product.Name}: 2.");
        Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.stepperProbe"));
        Assert.Empty(pageLoads);

        await page.ReloadAsync();
        await Assertions.Expect(quantity).ToHaveValueAsync("2");
        await Assertions.Expect(page.Locator("[data-item-count]")).ToHaveTextAsync("2");
    }

    /// <summary>A product with stock to spare (read from the API, so a stepper's + is never refused), added to the cart from its page.</summary>
    private async Task<(string Name, decimal Price, string Currency)> AddPlentifulProductAsync(IPage page)
    {
        using var client = fixture.System.CreateClient();
        var listing = await client.GetFromJsonAsync<JsonElement>("/api/catalog/products?inStock=true&limit=50");
        var product = listing.GetProperty("items").EnumerateArray().First(p => p.GetProperty("stock").GetInt32() >= 10);
        await page.GotoAsync(new Uri(Shop, $"/products/{product.GetProperty("id").GetString()}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added to your cart");
        return (product.GetProperty("name").GetString()!, product.GetProperty("price").GetDecimal(), product.GetProperty("currency").GetString()!);
    }

    private static string Money(decimal amount, string currency) => $"{amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture)} {currency}";

    private async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await _browser!.NewContextAsync(new() { JavaScriptEnabled = javaScript, ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(ActionTimeout);
        context.SetDefaultNavigationTimeout(NavigationTimeout);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            // The browser reports a page's own 4xx status as a console error; the refusal page's 403 is the point.
            if (message.Type == "error" && !(page.Url.Contains("/forbidden", StringComparison.Ordinal) && message.Text.Contains("403", StringComparison.Ordinal)))
                _consoleErrors.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => _consoleErrors.Add($"{page.Url}: {error}");
        return page;
    }

    /// <summary>No serious or critical axe violation, no console error so far, and screenshots at phone and desktop width.</summary>
    private async Task CheckAsync(IPage page, string name, bool javaScript = true)
    {
        var axe = await (javaScript ? page : await CopyWithJavaScriptAsync(page)).RunAxe().WaitAsync(TimeSpan.FromSeconds(30));
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)").ToList();
        Assert.True(serious.Count == 0, $"{name}: {string.Join("; ", serious)}");
        Assert.True(_consoleErrors.Count == 0, string.Join("\n", _consoleErrors));
        Directory.CreateDirectory("artifacts");
        var desktop = page.ViewportSize!;
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine("artifacts", $"storefront-{name}-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(desktop.Width, desktop.Height);
        await page.ScreenshotAsync(new() { Path = Path.Combine("artifacts", $"storefront-{name}-desktop.png"), FullPage = true });
    }

    /// <summary>
    /// The same URL with the same cookies in a page that runs scripts: axe is a script, and Playwright's evaluate waits
    /// forever on a page with JavaScript off (the run hung there before tests had timeouts).
    /// </summary>
    private async Task<IPage> CopyWithJavaScriptAsync(IPage page)
    {
        var copy = await NewPageAsync();
        await copy.Context.AddCookiesAsync((await page.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await copy.GotoAsync(page.Url);
        return copy;
    }

    private async Task<string> RegisterAsync(IPage page, bool fromHome = false)
    {
        if (fromHome) await page.GotoAsync(Shop.ToString());
        var email = $"shopper-{Guid.NewGuid():N}@e2e.productstore.test";
        if (!page.Url.Contains("/register", StringComparison.Ordinal))
            await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Storefront Shopper");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Log out") })).ToBeVisibleAsync();
        return email;
    }

    private async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(new Uri(Shop, "/login").ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Log out") })).ToBeVisibleAsync();
    }

    private async Task AddFirstProductAsync(IPage page)
    {
        await page.GotoAsync(new Uri(Shop, "/?inStock=true").ToString());
        await page.Locator(".products .card a").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added to your cart");
    }

    /// <summary>The shopper's orders as the API lists them.</summary>
    private async Task<int> OrderCountAsync(string email)
    {
        using var client = fixture.System.CreateClient();
        var login = await client.PostAsJsonAsync("/api/users/login", new { email, password = Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var authorized = fixture.System.CreateClient(token);
        var orders = await authorized.GetFromJsonAsync<JsonElement>("/api/orders");
        return orders.GetProperty("items").GetArrayLength();
    }
}
