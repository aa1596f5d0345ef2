namespace ProductStore.Storage;

/// <summary>Money at rest: whole minor units (cents) in an integer column, so stored sums never drift.</summary>
public static class StoredMoney
{
    public static long ToCents(decimal amount) => (long)(amount * 100m);

    public static decimal FromCents(long cents) => cents / 100m;
}
