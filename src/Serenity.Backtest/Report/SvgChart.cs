using System.Text;

namespace Serenity.Backtest.Report;

/// <summary>One line of a chart: a name, a CSS colour and one value per point.</summary>
internal sealed record ChartLine(string Name, string Color, IReadOnlyList<double> Values);

/// <summary>
/// An inline SVG line chart of series over a shared axis of replayed minutes (nights and weekends take no room). A long
/// series is reduced to at most two points (its min and max, in time order) per horizontal pixel, so a year of minutes
/// still draws every spike; coordinates are rounded to 0.01, so the same data gives the same bytes.
/// </summary>
internal static class SvgChart
{
    private const int Width = 960;
    private const int Height = 260;
    private const int Left = 90;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 32;

    public static string Render(string title, IReadOnlyList<DateTime> times, IReadOnlyList<ChartLine> lines, Func<double, string> label)
    {
        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height)
            .Append("\" role=\"img\" aria-label=\"").Append(Html.Escape(title)).Append("\">\n");
        var values = lines.SelectMany(l => l.Values).Where(double.IsFinite).ToList();
        if (times.Count == 0 || values.Count == 0)
        {
            sb.Append("<text x=\"").Append(Width / 2).Append("\" y=\"").Append(Height / 2).Append("\" text-anchor=\"middle\">no data</text>\n</svg>");
            return sb.ToString();
        }
        var min = values.Min();
        var max = values.Max();
        if (max == min)
        {
            max += Math.Max(1, Math.Abs(max) * 0.01);
            min -= Math.Max(1, Math.Abs(min) * 0.01);
        }
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double Y(double v) => Top + ((max - v) / (max - min) * plotH);
        sb.Append("<rect x=\"").Append(Left).Append("\" y=\"").Append(Top).Append("\" width=\"").Append(plotW).Append("\" height=\"").Append(plotH)
            .Append("\" fill=\"#fafafa\" stroke=\"#ccc\"/>\n");
        foreach (var v in new[] { max, (max + min) / 2, min })
        {
            sb.Append("<line x1=\"").Append(Left).Append("\" x2=\"").Append(Width - Right).Append("\" y1=\"").Append(Fmt.Coord(Y(v))).Append("\" y2=\"")
                .Append(Fmt.Coord(Y(v))).Append("\" stroke=\"#e4e4e4\"/>\n");
            sb.Append("<text x=\"").Append(Left - 6).Append("\" y=\"").Append(Fmt.Coord(Y(v) + 4)).Append("\" text-anchor=\"end\">").Append(Html.Escape(label(v))).Append("</text>\n");
        }
        sb.Append("<text x=\"").Append(Left).Append("\" y=\"").Append(Height - 10).Append("\">").Append(Fmt.ShortTime(times[0])).Append("</text>\n");
        sb.Append("<text x=\"").Append(Width - Right).Append("\" y=\"").Append(Height - 10).Append("\" text-anchor=\"end\">").Append(Fmt.ShortTime(times[^1])).Append("</text>\n");
        var legendX = Left + 8;
        foreach (var line in lines)
        {
            sb.Append("<polyline fill=\"none\" stroke=\"").Append(line.Color).Append("\" stroke-width=\"1.2\" points=\"");
            AppendPoints(sb, line.Values, plotW, Y);
            sb.Append("\"/>\n");
            sb.Append("<text x=\"").Append(legendX).Append("\" y=\"").Append(Top + 14).Append("\" fill=\"").Append(line.Color).Append("\">").Append(Html.Escape(line.Name)).Append("</text>\n");
            legendX += 12 + (8 * line.Name.Length);
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Per pixel column the min and max of the values that fall in it, in the order they occur.</summary>
    private static void AppendPoints(StringBuilder sb, IReadOnlyList<double> values, int plotW, Func<double, double> y)
    {
        var n = values.Count;
        var first = true;
        void Point(int index)
        {
            var x = Left + (n == 1 ? 0 : (double)index / (n - 1) * plotW);
            if (!first) sb.Append(' ');
            sb.Append(Fmt.Coord(x)).Append(',').Append(Fmt.Coord(y(values[index])));
            first = false;
        }
        var columns = Math.Min(n, plotW);
        for (var c = 0; c < columns; c++)
        {
            var from = (int)((long)c * n / columns);
            var to = (int)((long)(c + 1) * n / columns);
            int lo = from, hi = from;
            for (var i = from; i < to; i++)
            {
                if (values[i] < values[lo]) lo = i;
                if (values[i] > values[hi]) hi = i;
            }
            if (lo == hi) Point(lo);
            else if (lo < hi)
            {
                Point(lo);
                Point(hi);
            }
            else
            {
                Point(hi);
                Point(lo);
            }
        }
    }
}
