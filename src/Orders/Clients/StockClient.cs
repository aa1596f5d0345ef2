using System.Net;
using System.Net.Http.Json;
using ProductStore.ServiceDefaults.Http;
using ProductStore.ServiceDefaults.Problems;

namespace ProductStore.Orders.Clients;

/// <summary>Catalog's internal stock reservations, called with Orders' service token. Both calls are idempotent by order id.</summary>
public sealed class StockClient(HttpClient http)
{
    public async Task<ReservationOutcome> ReserveAsync(Guid orderId, IReadOnlyList<CartItemQuantity> items, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "internal/stock/reservations")
        {
            Content = JsonContent.Create(new ReservationRequest(orderId, items), OrdersJsonContext.Default.ReservationRequest),
        };
        using var response = await http.SendAsync(request.MarkIdempotent(), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var problem = await response.Content.ReadFromJsonAsync(OrdersJsonContext.Default.ReservationProblem, cancellationToken);
            return problem?.ShortItems is { Count: > 0 } shortItems
                ? new ReservationOutcome.Refused(shortItems)
                : new ReservationOutcome.Conflicted(problem?.Detail ?? problem?.Title ?? "Catalog refused the reservation.");
        }
        response.EnsureAnswered("Catalog", "to a reservation");
        var reservation = await response.Content.ReadFromJsonAsync(OrdersJsonContext.Default.Reservation, cancellationToken)
            ?? throw new DependencyUnavailableException("Catalog answered a reservation with an empty body.");
        return new ReservationOutcome.Reserved(reservation);
    }

    public async Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"internal/stock/reservations/{orderId}", cancellationToken);
        response.EnsureAnswered("Catalog", "to a release");
    }
}

public abstract record ReservationOutcome
{
    public sealed record Reserved(Reservation Reservation) : ReservationOutcome;
    public sealed record Refused(IReadOnlyList<ShortItem> ShortItems) : ReservationOutcome;
    public sealed record Conflicted(string Detail) : ReservationOutcome;
}

public sealed record ReservationRequest(Guid OrderId, IReadOnlyList<CartItemQuantity> Items);

public sealed record Reservation(Guid OrderId, IReadOnlyList<ReservedItem> Items, DateTimeOffset CreatedAt, bool Released);

public sealed record ReservedItem(Guid ProductId, string Sku, string Name, int Quantity, decimal UnitPrice, string Currency);

public sealed record ShortItem(Guid ProductId, int Requested, int Available);

public sealed record ReservationProblem(string? Title, string? Detail, IReadOnlyList<ShortItem>? ShortItems);
