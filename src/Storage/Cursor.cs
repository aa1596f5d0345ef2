using System.Buffers.Text;
using System.Text;
using ProductStore.ServiceDefaults.Problems;

namespace ProductStore.Storage;

/// <summary>
/// Opaque paging cursors: base64url of "kind|position". The kind ties a cursor to the listing and sort order
/// that issued it; the position is the store's own (a keyset position for SQLite, a paging state for Cassandra).
/// </summary>
public static class Cursor
{
    private const int MaxLength = 4096;

    public static string Encode(string kind, string position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{kind}|{position}"));

    /// <summary>The position a cursor carries, or <see cref="InvalidCursorException"/> when it was not issued for <paramref name="kind"/>.</summary>
    public static string Decode(string cursor, string kind)
    {
        if (cursor.Length > MaxLength) throw new InvalidCursorException();
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            throw new InvalidCursorException();
        }
        var text = Encoding.UTF8.GetString(bytes);
        var separator = text.IndexOf('|');
        if (separator < 0 || !text.AsSpan(0, separator).SequenceEqual(kind)) throw new InvalidCursorException();
        return text[(separator + 1)..];
    }
}

/// <summary>A cursor that this listing did not issue (tampered, or from another sort order): the client's mistake, a 400.</summary>
public sealed class InvalidCursorException() : ClientInputException("cursor", "The cursor is not valid for this listing; start again without one.");
