namespace ProductStore.Orders.Domain;

public static class Money
{
    /// <summary>Amounts are kept to the cent, rounding half away from zero as shoppers expect.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
