using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Host-side dumps of Python byte strings, one per line: <c>b'AT+MQTTPUB=$dp,...\r\n\r\nOK\r\n'</c>.
/// The repr escapes give the exact bytes; a line may hold a command and its answer, so the direction is
/// guessed per line inside it.
/// </summary>
internal sealed partial class PythonBytesReader : LogReader
{
    public override LogFormat Format => LogFormat.PythonBytes;

    protected override bool IsOwn(string line) => Repr().IsMatch(line);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var guess = new DirectionGuess();
        foreach (var line in lines)
        {
            var match = Repr().Match(line.Text);
            if (!match.Success)
            {
                if (!line.Content.IsEmpty) yield return Record(line, null, LogDirection.Unknown, line.BytesWithEnding());
                continue;
            }
            foreach (var (direction, data) in guess.Lines(Unescape(match.Groups["body"].ValueSpan)))
                yield return Record(line, null, direction, data);
        }
    }

    /// <summary>Python's bytes escapes; an unknown escape stays as written, as Python keeps it.</summary>
    private static byte[] Unescape(ReadOnlySpan<char> body)
    {
        var bytes = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\' || i + 1 == body.Length) { bytes.Add((byte)c); continue; }
            var e = body[++i];
            switch (e)
            {
                case 'r': bytes.Add((byte)'\r'); break;
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case '0': bytes.Add(0); break;
                case '\\' or '\'' or '"': bytes.Add((byte)e); break;
                case 'x' when i + 2 < body.Length && byte.TryParse(body.Slice(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value):
                    bytes.Add(value);
                    i += 2;
                    break;
                default: bytes.Add((byte)'\\'); bytes.Add((byte)e); break;
            }
        }
        return [.. bytes];
    }

    [GeneratedRegex(@"^\s*b(?<q>['""])(?<body>.*)\k<q>\s*$")]
    private static partial Regex Repr();
}
