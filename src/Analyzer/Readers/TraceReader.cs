using Conformance.Protocol.Tracing;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// The project's own lossless trace (<c># conformance-trace 1</c>, see docs/trace-format.md). Tool events
/// (<c>*</c>) are not traffic and are skipped; a malformed record stops reading with its line and column.
/// </summary>
internal sealed class TraceReader : LogReader
{
    public override LogFormat Format => LogFormat.Trace;

    /// <summary>The magic first line is decisive; without it, lines that parse as records count.</summary>
    public override double Score(IReadOnlyList<string> sample) =>
        sample.Count > 0 && sample[0].StartsWith(TraceFormat.Magic, StringComparison.Ordinal) ? 1 : base.Score(sample);

    protected override bool IsOwn(string line) => TraceFormat.TryParse(line, out var record, out _) && record is not null;

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        foreach (var line in lines)
        {
            var record = Parse(line);
            if (record is null || record.Direction == TraceDirection.Event) continue;
            var direction = record.Direction == TraceDirection.ToModule ? LogDirection.ToModule : LogDirection.FromModule;
            yield return Record(line, record.Time, direction, record.Data);
        }
    }

    private static TraceRecord? Parse(LogLine line)
    {
        try
        {
            return TraceFormat.Parse(line.Text);
        }
        catch (FormatException e)
        {
            throw new LogReadException($"not a trace record: {e.Message}", line.File, line.Number, e);
        }
    }
}
