using ProductStore.Catalog.Domain;

namespace ProductStore.Catalog.Tests;

public class ReservationTests
{
    private static readonly Guid A = Guid.CreateVersion7(), B = Guid.CreateVersion7();

    private static Reservation Reserved(params (Guid Id, int Quantity)[] items) =>
        new(Guid.CreateVersion7(), items.Select(i => new ReservedItem(i.Id, "SKU", "Name", i.Quantity, 1m, "EUR")).ToList(), DateTimeOffset.UnixEpoch, false);

    [Fact]
    public void A_retry_with_the_same_items_in_any_order_matches() =>
        Assert.True(Reserved((A, 1), (B, 2)).Matches([new(B, 2), new(A, 1)]));

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 2)]
    public void Other_quantities_do_not_match(int quantityA, int quantityB) =>
        Assert.False(Reserved((A, 1), (B, 2)).Matches([new(A, quantityA), new(B, quantityB)]));

    [Fact]
    public void Fewer_or_more_items_do_not_match()
    {
        Assert.False(Reserved((A, 1), (B, 2)).Matches([new(A, 1)]));
        Assert.False(Reserved((A, 1)).Matches([new(A, 1), new(B, 2)]));
    }

    [Fact]
    public void A_release_before_any_reservation_matches_no_request()
    {
        var released = Reservation.ReleasedBeforeReserved(Guid.CreateVersion7(), DateTimeOffset.UnixEpoch);
        Assert.True(released.Released);
        Assert.False(released.Matches([new(A, 1)]));
    }
}
