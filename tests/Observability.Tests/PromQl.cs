using System.Text.RegularExpressions;

namespace ProductStore.Observability.Tests;

/// <summary>Just enough PromQL reading to list the metric names an expression selects.</summary>
public static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "unless", "bool", "offset", "inf", "nan", "by", "without", "on", "ignoring", "group_left", "group_right",
    };

    public static IReadOnlySet<string> MetricNames(string expr)
    {
        // Strings, label matchers, ranges and grouping label lists hold names that are not metrics.
        var text = StringLiteral().Replace(expr, "\"\"");
        text = LabelMatchers().Replace(text, " ");
        text = Ranges().Replace(text, " ");
        text = GroupingLabels().Replace(text, " ");
        return Identifier().Matches(text)
            .Select(m => m.Value)
            .Where(name => !Keywords.Contains(name))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex GroupingLabels();

    // A name followed by "(" is a function or aggregation.
    [GeneratedRegex(@"(?<![\w:.])[a-zA-Z_:][a-zA-Z0-9_:]*(?![\w:(])(?!\s*\()")]
    private static partial Regex Identifier();
}
