namespace Conformance.Analyzer.Readers;

/// <summary>
/// Bytes exactly as read from the port (power-up NUL/0xFF noise included), one record per line with its
/// line end; the direction is guessed. Also the fallback for anything unrecognised.
/// </summary>
internal sealed class RawReader : LogReader
{
    public override LogFormat Format => LogFormat.Raw;

    /// <summary>A raw capture has no header, so a tool's header on the first line rules it out.</summary>
    public override double Score(IReadOnlyList<string> sample) =>
        sample.Count > 0 && (PuttyReader.IsHeader(sample[0]) || sample[0].StartsWith(Protocol.Tracing.TraceFormat.Magic, StringComparison.Ordinal))
            ? 0 : base.Score(sample);

    protected override bool IsOwn(string line) =>
        line.StartsWith("AT", StringComparison.OrdinalIgnoreCase) || line.StartsWith('+') ||
        line.StartsWith("OK", StringComparison.Ordinal) || line.StartsWith("ERROR", StringComparison.Ordinal);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines) => ReadTraffic(lines);

    /// <summary>Lines of plain traffic, shared with formats that wrap a raw capture.</summary>
    public static IEnumerable<LogRecord> ReadTraffic(IEnumerable<LogLine> lines)
    {
        var guess = new DirectionGuess();
        foreach (var line in lines)
            yield return Record(line, null, guess.Next(line.Content.Span), line.BytesWithEnding());
    }
}
