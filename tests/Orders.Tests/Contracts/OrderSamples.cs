using ProductStore.Orders.Checkout;
using ProductStore.Orders.Domain;
using ProductStore.Orders.Storage;
using ProductStore.Storage;

namespace ProductStore.Orders.Tests.Contracts;

/// <summary>Orders and claims for the store contracts, and the checks they share.</summary>
internal static class OrderSamples
{
    /// <summary>A time at the millisecond precision stores keep.</summary>
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);

    public static Order NewOrder(Guid? userId = null, DateTimeOffset? placedAt = null, DateTimeOffset? dueAt = null) =>
        Order.Place(Guid.CreateVersion7(), userId ?? Guid.NewGuid(),
        [
            new OrderLine(Guid.NewGuid(), "MUG-BLUE", "Mug — blue", 2, 12.34m, "EUR"),
            new OrderLine(Guid.NewGuid(), "POT-1", "Tea pot", 1, 1234.56m, "EUR"),
        ], placedAt ?? Now, dueAt);

    public static CheckoutClaim ClaimFor(Guid userId, DateTimeOffset claimedAt, string? key = null) =>
        new(userId, key ?? $"key-{Guid.NewGuid():N}", Guid.CreateVersion7(), $"fingerprint-{Guid.NewGuid():N}", false, claimedAt);

    /// <summary>Stores an order the way checkout does: claim its key, then complete the claim with it.</summary>
    public static async Task<Order> PlaceAsync(this ICheckoutStore checkouts, Order order)
    {
        var claim = ClaimFor(order.UserId, order.CreatedAt) with { OrderId = order.Id };
        Assert.True((await checkouts.ClaimAsync(claim, default)).Inserted);
        await checkouts.CompleteAsync(claim, order, default);
        return order;
    }

    public static void AssertSame(Order expected, Order? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.UserId, actual.UserId);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.History, actual.History);
        Assert.Equal(expected.NextStepAt, actual.NextStepAt);
        Assert.Equal(expected.StockReleasePending, actual.StockReleasePending);
    }

    /// <summary>A listing that holds every order once, newest first, and <paramref name="expected"/> among them.</summary>
    public static void AssertNewestFirstOnce(IReadOnlyList<Order> listed, IReadOnlyCollection<Order> expected)
    {
        Assert.Equal(listed.Count, listed.Select(o => o.Id).Distinct().Count());
        Assert.All(listed.Zip(listed.Skip(1)), pair => Assert.True(pair.First.CreatedAt >= pair.Second.CreatedAt));
        var ids = expected.Select(o => o.Id).ToHashSet();
        var found = listed.Where(o => ids.Contains(o.Id)).ToList();
        Assert.Equal(ids.Order(), found.Select(o => o.Id).Order());
        foreach (var order in found) AssertSame(expected.Single(o => o.Id == order.Id), order);
    }
}
