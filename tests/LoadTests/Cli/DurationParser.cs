using System.Globalization;

namespace ProductStore.LoadTests.Cli;

/// <summary>Durations on the command line: "90" or "90s", "500ms", "2m", "1h", or a TimeSpan ("00:01:30").</summary>
internal static class DurationParser
{
    public static TimeSpan? Parse(string text)
    {
        text = text.Trim();
        (string Suffix, Func<double, TimeSpan> Make)[] units =
            [("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes), ("h", TimeSpan.FromHours), ("", TimeSpan.FromSeconds)];
        foreach (var (suffix, make) in units)
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
                return make(value);
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero ? span : null;
    }
}
