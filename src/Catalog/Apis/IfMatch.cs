using Microsoft.Net.Http.Headers;

namespace ProductStore.Catalog.Apis;

/// <summary>RFC 9110 §13.1.1 with strong comparison: a weak tag never matches; "*" is refused as no proof of what was read.</summary>
public static class IfMatch
{
    /// <summary>Whether the header names a specific entity tag at all (else 428).</summary>
    public static bool NamesATag(string? header) =>
        header is not null && EntityTagHeaderValue.TryParseList([header], out var tags) && tags.Any(tag => !tag.Equals(EntityTagHeaderValue.Any));

    /// <summary>Whether one of the header's tags is <paramref name="etag"/>, strongly.</summary>
    public static bool Matches(string? header, string etag) =>
        header is not null && EntityTagHeaderValue.TryParseList([header], out var tags) && tags.Any(tag => tag.Compare(new EntityTagHeaderValue(etag), useStrongComparison: true));
}
