using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Logs of Python serial scripts: <c>#[14:33:28] AT+QMTOPEN=0,"broker",1883...OK..</c>, where every CR and
/// LF was printed as <c>.</c>, so one line can hold a command, its echo and the answer.
/// </summary>
/// <remarks>
/// A dot cannot be told from a rendered line end, so: a run of two or more dots, or dots ending the line,
/// are line ends (each pair CR LF, an odd one CR); a single dot inside text (an IP address, a decimal) is a dot.
/// </remarks>
internal sealed partial class PySerialReader : StampedTextReader
{
    private readonly LogClock clock = new();

    public override LogFormat Format => LogFormat.PySerial;

    protected override TimePrefix? ParseStamp(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success || !LogClock.TryParseTime(match.Groups["time"].ValueSpan, out var time)) return null;
        return new TimePrefix(clock.At(time), null, match.Length);
    }

    protected override byte[] Data(LogLine line, int dataStart)
    {
        var text = line.Text.AsSpan(dataStart);
        var data = new StringBuilder(text.Length + 2);
        var i = 0;
        while (i < text.Length)
        {
            var run = 0;
            while (i + run < text.Length && text[i + run] == '.') run++;
            if (run == 0) { data.Append(text[i++]); continue; }
            if (run == 1 && i + 1 < text.Length) data.Append('.');
            else
            {
                for (var k = 0; k + 1 < run; k += 2) data.Append("\r\n");
                if (run % 2 == 1) data.Append('\r');
            }
            i += run;
        }
        return line.Encode(data.ToString());
    }

    [GeneratedRegex(@"^#\[(?<time>\d\d:\d\d:\d\d(?:\.\d+)?)\] ?")]
    private static partial Regex Pattern();
}
