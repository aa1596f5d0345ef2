using YamlDotNet.Serialization;

namespace ProductStore.AppHost.Publish;

/// <summary>
/// Manifests as plain maps and lists: maps keep their keys in ordinal order (so output never depends on the order
/// code adds them), lists keep theirs. Strings that YAML would read as another type are quoted.
/// </summary>
internal static class Yaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .WithNewLine("\n")
        .DisableAliases()
        .Build();

    /// <summary>A mapping; entries with a null value are left out, so optional fields read as <c>x is null ? null : ...</c>.</summary>
    public static SortedDictionary<string, object> Map(params (string Key, object? Value)[] entries)
    {
        var map = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (value is not null) map.Add(key, value);
        }
        return map;
    }

    public static SortedDictionary<string, object> Map<T>(IEnumerable<KeyValuePair<string, T>> entries) where T : notnull =>
        Map(entries.Select(e => (e.Key, (object?)e.Value)).ToArray());

    public static List<object> List(params object?[] items) => items.OfType<object>().ToList();

    public static List<object> ListOf<T>(IEnumerable<T> items) where T : notnull => items.Cast<object>().ToList();

    /// <summary>One file of one or more documents, under a comment that says where it comes from.</summary>
    public static string Documents(string header, IEnumerable<object> documents) =>
        header + string.Join("---\n", documents.Select(Serializer.Serialize));
}
