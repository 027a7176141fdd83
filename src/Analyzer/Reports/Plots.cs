using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Display;
using Conformance.Protocol.Responses;
using ScottPlot;

namespace Conformance.Analyzer.Reports;

/// <summary>The plots of the HTML report as SVG text, drawn headless with ScottPlot.</summary>
public static class Plots
{
    private const int Width = 960;

    /// <summary>
    /// Latency of every listed exchange, one row per command, with the median of the whole log as a bar.
    /// Null when no exchange has a latency (a log without times).
    /// </summary>
    public static string? Latency(Analysis analysis)
    {
        var timed = analysis.Statistics.Commands.Where(c => c.MedianMs is not null).ToList();
        if (timed.Count == 0) return null;
        var plot = new Plot();
        var row = timed.Select((c, i) => (c.Command, i)).ToDictionary(p => p.Command, p => (double)p.i, StringComparer.Ordinal);
        var points = analysis.Exchanges
            .Where(e => e.LatencyMs is not null && row.ContainsKey(CommandText.Key(e.Command)))
            .Select(e => (X: e.LatencyMs!.Value, Y: row[CommandText.Key(e.Command)]))
            .ToList();
        // A small fixed spread keeps equal latencies apart without making the plot differ between runs.
        double[] xs = [.. points.Select(p => p.X)];
        double[] ys = [.. points.Select((p, i) => p.Y + ((i % 7) - 3) * 0.04)];
        var markers = plot.Add.Markers(xs, ys);
        markers.MarkerSize = 6;
        markers.Color = Colors.SteelBlue.WithAlpha(0.6);
        markers.LegendText = "exchange";
        foreach (var (c, i) in timed.Select((c, i) => (c, i)))
        {
            var median = plot.Add.Line(c.MedianMs!.Value, i - 0.35, c.MedianMs.Value, i + 0.35);
            median.Color = Colors.OrangeRed;
            median.LineWidth = 3;
            if (i == 0) median.LegendText = "median";
        }
        plot.Axes.Left.SetTicks([.. timed.Select((_, i) => (double)i)], [.. timed.Select(c => PrintableText.Escape(c.Command))]);
        plot.Axes.SetLimitsY(timed.Count - 0.5, -0.5);
        plot.Axes.Bottom.Min = 0;
        plot.XLabel("latency (ms)");
        plot.Title("Latency per command");
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetSvgXml(Width, 80 + 40 * Math.Max(timed.Count, 3));
    }

    /// <summary>The AT+MQTTSTAT state over time (seconds since the first change), or over log lines when the log has no times. Null without changes.</summary>
    public static string? States(Analysis analysis)
    {
        var changes = analysis.StateChanges;
        if (changes.Count == 0) return null;
        var timed = changes.All(c => c.Time is not null);
        var start = changes[0].Time;
        double Position(long line, DateTimeOffset? time) => timed ? (time!.Value - start!.Value).TotalSeconds : line;
        var xs = changes.Select(c => Position(c.Line, c.Time)).ToList();
        var ys = changes.Select(c => (double)(int)c.To).ToList();
        if (LastSeen(analysis) is var (line, time) && Position(line, time) > xs[^1])
        {
            xs.Add(Position(line, time));
            ys.Add(ys[^1]);
        }
        var plot = new Plot();
        var steps = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        steps.ConnectStyle = ConnectStyle.StepHorizontal;
        steps.LineWidth = 2;
        steps.MarkerSize = 5;
        var states = Enum.GetValues<MqttState>();
        plot.Axes.Left.SetTicks([.. states.Select(s => (double)(int)s)], [.. states.Select(s => $"{(int)s} {s}")]);
        plot.Axes.SetLimitsY(-0.5, 5.5);
        plot.XLabel(timed ? "seconds since the first state change" : "log line");
        plot.Title("MQTT session state (AT+MQTTSTAT)");
        return plot.GetSvgXml(Width, 320);
    }

    private static (long Line, DateTimeOffset? Time)? LastSeen(Analysis analysis)
    {
        var last = analysis.Exchanges.Select(e => (e.Line, e.Time)).Concat(analysis.Urcs.Select(u => (u.Line, u.Time)))
            .OrderBy(p => p.Line).LastOrDefault();
        return last.Line == 0 ? null : last;
    }
}
