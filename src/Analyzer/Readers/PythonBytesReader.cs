using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Host-side dumps of Python byte strings, one per line: <c>b'AT+MQTTPUB=$dp,...\r\n\r\nOK\r\n'</c>.
/// The repr escapes give the exact bytes; a line may hold a command and its answer, so the direction is
/// guessed per line inside it. A Python session pasted whole is read too: what a call writes
/// (<c>&gt;&gt;&gt; ser.write(b'AT+CSQ\r\n')</c>) went to the module, the byte strings the session printed came from
/// it, and its own lines (<c>&gt;&gt;&gt; ser.read(100)</c>, the count <c>write</c> returns) are no traffic.
/// </summary>
internal sealed partial class PythonBytesReader : LogReader
{
    public override LogFormat Format => LogFormat.PythonBytes;

    protected override bool IsOwn(string line) => Repr().IsMatch(line) || Written().IsMatch(line);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var guess = new DirectionGuess();
        foreach (var line in lines)
        {
            var text = line.Text;
            if (Written().Match(text) is { Success: true } sent)
            {
                var bytes = CEscapes.Decode(sent.Groups["body"].ValueSpan);
                guess.Next(bytes.AsSpan().TrimEnd("\r\n"u8));   // so that the module's echo of it is known
                yield return Record(line, null, LogDirection.ToModule, bytes);
                continue;
            }
            var match = Repr().Match(text);
            if (!match.Success)
            {
                if (!line.Content.IsEmpty && !IsSessionLine(text.Trim())) yield return Record(line, null, LogDirection.Unknown, line.BytesWithEnding());
                continue;
            }
            foreach (var (direction, data) in guess.Lines(CEscapes.Decode(match.Groups["body"].ValueSpan)))
                yield return Record(line, null, direction, data);
        }
    }

    /// <summary>A line of the Python session itself: a prompt with its code, or the number a write returned.</summary>
    private static bool IsSessionLine(string trimmed) =>
        trimmed.StartsWith(">>>", StringComparison.Ordinal) || trimmed.StartsWith("...", StringComparison.Ordinal) || trimmed.All(char.IsAsciiDigit);

    [GeneratedRegex(@"^\s*b(?<q>['""])(?<body>.*)\k<q>\s*$")]
    private static partial Regex Repr();

    // `ser.write(b'AT\r\n')`, `port.send(b"…")`, after a prompt or not.
    [GeneratedRegex(@"^\s*(?:>>>\s*)?[\w.\[\]]*\.(?:write|send|sendall)\(\s*b(?<q>['""])(?<body>.*)\k<q>\s*\)\s*$")]
    private static partial Regex Written();
}
