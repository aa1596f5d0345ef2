using ProductStore.Storage;
using Xunit;

namespace ProductStore.TestSupport;

public static class StorePages
{
    /// <summary>Every page of a listing, following its cursors to the end; asserts each page keeps to the limit.</summary>
    public static async Task<List<T>> AllPagesAsync<T>(Func<string?, int, Task<Page<T>>> list, int limit)
    {
        var items = new List<T>();
        string? cursor = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 10_000, "The listing's cursors never end.");
            var page = await list(cursor, limit);
            Assert.InRange(page.Items.Count, 0, limit);
            items.AddRange(page.Items);
            if (page.NextCursor is not { } next) return items;
            cursor = next;
        }
    }
}
