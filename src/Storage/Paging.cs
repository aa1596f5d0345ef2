using ProductStore.ServiceDefaults.OpenApi;
using ProductStore.ServiceDefaults.Validation;

namespace ProductStore.Storage;

/// <summary>?cursor=…&amp;limit=… as every list endpoint takes it. Bound with [AsParameters].</summary>
public sealed record PageQuery(string? Cursor, [ParameterConstraint(Minimum = 1)] int? Limit) : IValidatable
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>The page size to fetch: the default when absent, capped at <see cref="MaxLimit"/>.</summary>
    public int Size => Math.Min(Limit ?? DefaultLimit, MaxLimit);

    public void Validate(ValidationErrors errors) =>
        errors.When(Limit is < 1, "limit", "The limit must be at least 1.");
}

/// <summary>One page of results and the cursor of the next, absent on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public Page<TOut> Map<TOut>(Func<T, TOut> map)
    {
        var items = new TOut[Items.Count];
        for (var i = 0; i < items.Length; i++) items[i] = map(Items[i]);
        return new Page<TOut>(items, NextCursor);
    }
}
