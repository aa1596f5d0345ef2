using System.Globalization;
using System.Xml.Linq;

namespace ProductStore.LoadTests.Reports;

/// <summary>A line chart as inline SVG: one polyline per series and a circle per data point whose title shows the value on hover.</summary>
internal static class SvgChart
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double Width = 720, Height = 260, Left = 56, Right = 16, Top = 28, Bottom = 36;

    public sealed record Series(string Name, string Color, IReadOnlyList<(double X, double Y)> Points);

    public static XElement Line(string title, string xUnit, string yUnit, params Series[] series)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        var maxX = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.X));
        var maxY = NiceCeiling(points.Count == 0 ? 1 : points.Max(p => p.Y));
        double X(double x) => Left + x / maxX * (Width - Left - Right);
        double Y(double y) => Height - Bottom - y / maxY * (Height - Top - Bottom);

        var chart = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {Height}"), new XAttribute("width", Width), new XAttribute("height", Height),
            new XAttribute("role", "img"), new XAttribute("class", "chart"),
            new XElement(Svg + "title", title),
            Text(Left, 16, title, "start", "title"));
        for (var i = 0; i <= 4; i++)
        {
            var value = maxY * i / 4;
            chart.Add(new XElement(Svg + "line", Attr("x1", Left), Attr("x2", Width - Right), Attr("y1", Y(value)), Attr("y2", Y(value)), new XAttribute("class", "grid")),
                Text(Left - 6, Y(value) + 4, $"{F(value)}", "end", "axis"));
        }
        chart.Add(Text(Left, Height - 8, $"0 {xUnit}", "start", "axis"), Text(Width - Right, Height - 8, $"{F(maxX)} {xUnit}", "end", "axis"),
            Text(6, Top - 6, yUnit, "start", "axis"));
        var legendX = Width - Right;
        foreach (var s in series.Reverse())
        {
            chart.Add(Text(legendX, 16, s.Name, "end", "legend", s.Color));
            legendX -= 12 + 7 * s.Name.Length;
            chart.Add(new XElement(Svg + "polyline", new XAttribute("fill", "none"), new XAttribute("stroke", s.Color), new XAttribute("stroke-width", 2),
                new XAttribute("points", string.Join(" ", s.Points.Select(p => $"{F(X(p.X))},{F(Y(p.Y))}")))));
            foreach (var (x, y) in s.Points)
                chart.Add(new XElement(Svg + "circle", Attr("cx", X(x)), Attr("cy", Y(y)), new XAttribute("r", 2.5), new XAttribute("fill", s.Color),
                    new XAttribute("class", "point"), new XElement(Svg + "title", $"{s.Name} at {F(x)} {xUnit}: {F(y)} {yUnit}")));
        }
        return chart;
    }

    /// <summary>1, 2 or 5 times a power of ten, at least the value: round axis labels.</summary>
    internal static double NiceCeiling(double value)
    {
        if (value <= 0) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(v => v >= value);
    }

    private static XElement Text(double x, double y, string text, string anchor, string cssClass, string? color = null) =>
        new(Svg + "text", Attr("x", x), Attr("y", y), new XAttribute("text-anchor", anchor), new XAttribute("class", cssClass),
            color is null ? null : new XAttribute("fill", color), text);

    private static XAttribute Attr(string name, double value) => new(name, F(value));

    private static string F(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
