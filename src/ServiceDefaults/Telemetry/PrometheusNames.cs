using System.Collections.Frozen;
using System.Text;

namespace ProductStore.ServiceDefaults.Telemetry;

internal enum PrometheusKind
{
    Counter,
    Gauge,
    Histogram,
}

/// <summary>
/// OpenTelemetry's rules for turning an instrument's name and unit into a Prometheus metric name:
/// invalid characters become '_', the unit becomes a suffix (units in braces are annotations and add nothing),
/// counters end in _total.
/// </summary>
internal static class PrometheusNames
{
    private static readonly FrozenDictionary<string, string> Units = new Dictionary<string, string>
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds",
        ["ms"] = "milliseconds", ["us"] = "microseconds", ["ns"] = "nanoseconds",
        ["By"] = "bytes", ["KiBy"] = "kibibytes", ["MiBy"] = "mebibytes", ["GiBy"] = "gibibytes",
        ["KBy"] = "kilobytes", ["MBy"] = "megabytes", ["GBy"] = "gigabytes", ["%"] = "percent",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> PerUnits = new Dictionary<string, string>
    {
        ["s"] = "second", ["min"] = "minute", ["h"] = "hour", ["d"] = "day",
    }.ToFrozenDictionary();

    public static string MetricName(string instrument, string? unit, PrometheusKind kind)
    {
        var name = Sanitize(instrument);
        if (kind == PrometheusKind.Counter && name.EndsWith("_total", StringComparison.Ordinal)) name = name[..^"_total".Length];
        var suffix = UnitSuffix(unit, kind);
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal)) name += "_" + suffix;
        return kind == PrometheusKind.Counter ? name + "_total" : name;
    }

    /// <summary>Metric names match [a-zA-Z_][a-zA-Z0-9_]*; ':' is valid but reserved for recording rules.</summary>
    public static string Sanitize(string name)
    {
        var result = new StringBuilder(name.Length + 1);
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) result.Append('_');
        foreach (var c in name) result.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        return result.ToString();
    }

    private static string UnitSuffix(string? unit, PrometheusKind kind)
    {
        var bare = WithoutAnnotations(unit);
        if (bare.Length == 0) return "";
        if (bare == "1") return kind == PrometheusKind.Gauge ? "ratio" : "";
        var slash = bare.IndexOf('/');
        var of = slash < 0 ? bare : bare[..slash];
        var per = slash < 0 ? "" : bare[(slash + 1)..];
        var ofName = of is "" or "1" ? "" : Units.GetValueOrDefault(of) ?? Sanitize(of).Trim('_');
        if (per.Length == 0) return ofName;
        var perName = "per_" + (PerUnits.GetValueOrDefault(per) ?? Sanitize(per).Trim('_'));
        return ofName.Length == 0 ? perName : ofName + "_" + perName;
    }

    private static string WithoutAnnotations(string? unit)
    {
        if (string.IsNullOrEmpty(unit) || !unit.Contains('{')) return unit ?? "";
        var result = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{') depth++;
            else if (c == '}') depth = Math.Max(0, depth - 1);
            else if (depth == 0) result.Append(c);
        }
        return result.ToString();
    }
}
