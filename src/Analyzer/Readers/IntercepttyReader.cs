using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// interceptty's output (<c>interceptty -o port.log /dev/ttyS1 /tmp/modem</c>): one byte a line, its code and, when printable,
/// the character, after a mark that says which way it went — <c>&gt; 0x41 (A)</c>, <c>&lt; 0x0d</c>. The bytes of one mark are
/// gathered into the lines they make, each numbered by the line of its first byte; the mark whose lines are AT commands
/// is the host's (<see cref="ArrowMeaning"/>), learned from the first <see cref="TranscriptReader.LearnWithin"/> lines.
/// interceptty writes no time.
/// </summary>
internal sealed partial class IntercepttyReader : LogReader
{
    private readonly ArrowMeaning arrows = new();
    private readonly DirectionGuess guess = new();

    public override LogFormat Format => LogFormat.Interceptty;

    protected override bool IsOwn(string line) => Byte().IsMatch(line);

    /// <summary>A line of the port's, gathered from its bytes: the mark they came with and the log line of the first.</summary>
    private sealed record Piece(LogLine Source, string Mark, byte[] Data);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var window = new LearningWindow<Piece>(piece => arrows.Learn(piece.Mark, Encoding.UTF8.GetString(piece.Data).Trim()));
        var open = new Dictionary<string, (LogLine First, List<byte> Bytes)>();
        string? lastMark = null;
        foreach (var line in lines)
        {
            var match = Byte().Match(line.Text);
            if (!match.Success) continue;
            var mark = match.Groups["mark"].Value;
            var value = byte.Parse(match.Groups["code"].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            // The host's command ends at its CR when the module's answer begins: no LF of its own follows.
            if (lastMark is not null && lastMark != mark && open.TryGetValue(lastMark, out var other) && other.Bytes is [.., (byte)'\r'])
                foreach (var record in Done(lastMark)) yield return record;
            lastMark = mark;
            if (!open.TryGetValue(mark, out var piece)) open[mark] = piece = (line.Kept(), []);
            piece.Bytes.Add(value);
            if (value == '\n')
                foreach (var record in Done(mark)) yield return record;
        }
        foreach (var mark in open.Keys.ToList())
            foreach (var record in Done(mark)) yield return record;
        foreach (var record in window.Flush().Select(Emit)) yield return record;

        IEnumerable<LogRecord> Done(string mark)
        {
            open.Remove(mark, out var done);
            return window.Add(new Piece(done.First, mark, [.. done.Bytes])).Select(Emit).ToList();
        }
    }

    private LogRecord Emit(Piece piece)
    {
        var byText = guess.Next(piece.Data);
        return Record(piece.Source, null, arrows.Of(piece.Mark) ?? byText, piece.Data);
    }

    // `> 0x41 (A)`, `< 0x0d`: the mark, the byte's code, the character when it is printable.
    [GeneratedRegex(@"^(?<mark>[<>]) 0x(?<code>[0-9a-fA-F]{2})(?: \(.\))?\s*$")]
    private static partial Regex Byte();
}
