using ProductStore.Storage;

namespace ProductStore.ServiceDefaults.Tests;

public class CursorTests
{
    [Theory]
    [InlineData("products:price", "1999|0193a0c4-0000-7000-8000-000000000001")]
    [InlineData("users", "")]
    [InlineData("orders", "p|ü|\u00e9")]
    public void A_cursor_decodes_to_the_position_it_was_made_from(string kind, string position) =>
        Assert.Equal(position, Cursor.Decode(Cursor.Encode(kind, position), kind));

    [Fact]
    public void A_cursor_is_url_safe() =>
        Assert.Matches("^[A-Za-z0-9_-]+$", Cursor.Encode("products:name", new string('?', 50) + "~~>>"));

    [Fact]
    public void A_cursor_from_another_listing_is_refused() =>
        Assert.Throws<InvalidCursorException>(() => Cursor.Decode(Cursor.Encode("products:price", "1"), "products:name"));

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("")]
    [InlineData("cHJvZHVjdHM")] // "products", no separator
    public void Garbage_is_refused(string cursor) =>
        Assert.Throws<InvalidCursorException>(() => Cursor.Decode(cursor, "products"));

    [Fact]
    public void An_oversized_cursor_is_refused() =>
        Assert.Throws<InvalidCursorException>(() => Cursor.Decode(new string('A', 5000), "products"));
}
