using ProductStore.Storefront.Api;
using ProductStore.Storefront.Session;

namespace ProductStore.Storefront.Shopping;

/// <summary>
/// The shopper's cart, whichever kind they have: the account's in the Cart API when signed in, else the guest's sealed
/// cookie. A change answers the cart as it is after the change, or the problem that left the cart as it was.
/// </summary>
public sealed class ShoppingCart(CartClient cart, CatalogClient catalog, GuestCart guest)
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 99;
    public static readonly string QuantityRule = $"The quantity must be a whole number from {MinQuantity} to {MaxQuantity}.";

    public static bool IsValidQuantity(int? quantity) => quantity is >= MinQuantity and <= MaxQuantity;

    public static ApiProblem InvalidQuantity { get; } =
        new(StatusCodes.Status400BadRequest, "Invalid quantity", QuantityRule, new Dictionary<string, string[]> { ["quantity"] = [QuantityRule] }, []);

    public async Task<ApiResult<CartView>> ReadAsync(HttpContext context, CancellationToken cancellationToken = default) =>
        SignedIn(context)
            ? await AccountViewAsync(await cart.GetAsync(cancellationToken), cancellationToken)
            : await GuestViewAsync(guest.Read(context), cancellationToken);

    /// <summary>Sets the quantity of a line in the cart (1 to 99); a guest's cookie only ever gets products already in it.</summary>
    public async Task<ApiResult<CartView>> SetQuantityAsync(HttpContext context, Guid productId, int quantity, CancellationToken cancellationToken = default)
    {
        if (!IsValidQuantity(quantity)) return new(null, InvalidQuantity);
        if (SignedIn(context)) return await AccountViewAsync(await cart.SetQuantityAsync(productId, quantity, cancellationToken: cancellationToken), cancellationToken);
        if (!guest.Read(context).ContainsKey(productId)) return new(null, NotInCart);
        return await GuestViewAsync(guest.Set(context, productId, quantity), cancellationToken);
    }

    public async Task<ApiResult<CartView>> RemoveAsync(HttpContext context, Guid productId, CancellationToken cancellationToken = default)
    {
        if (!SignedIn(context)) return await GuestViewAsync(guest.Set(context, productId, 0), cancellationToken);
        var removed = await cart.RemoveAsync(productId, cancellationToken);
        // Already gone (another tab, a second click): the cart as it is now is the answer.
        return await AccountViewAsync(removed.Problem is { Status: StatusCodes.Status404NotFound } ? await cart.GetAsync(cancellationToken) : removed, cancellationToken);
    }

    private static bool SignedIn(HttpContext context) => context.User.Identity?.IsAuthenticated == true;

    private static readonly ApiProblem NotInCart =
        new(StatusCodes.Status404NotFound, "Not in your cart", "This product is not in your cart any more.", new Dictionary<string, string[]>(), []);

    private async Task<ApiResult<CartView>> AccountViewAsync(ApiResult<ShopperCart> read, CancellationToken cancellationToken) =>
        read.Value is { } now
            ? new(CartView.FromAccount(now, await catalog.LookupAsync(now.Items.Select(i => i.ProductId), cancellationToken)), null)
            : new(null, read.Problem);

    private async Task<ApiResult<CartView>> GuestViewAsync(IReadOnlyDictionary<Guid, int> lines, CancellationToken cancellationToken) =>
        new(CartView.FromGuest(lines, await catalog.LookupAsync(lines.Keys, cancellationToken)), null);
}
