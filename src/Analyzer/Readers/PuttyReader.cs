using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A PuTTY session log: a header <c>=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2022.05.15 21:25:59 =~=~=~=~=~=~=~=~=~=~=~=</c>
/// (repeated when a later session appends), then the raw text. Lines carry no time; records have none.
/// </summary>
internal sealed partial class PuttyReader : LogReader
{
    public override LogFormat Format => LogFormat.Putty;

    /// <summary>
    /// The header at the start is decisive: nothing else writes it. One further down (a PuTTY log appended to another
    /// tool's, a Tera Term log and then PuTTY's after a reboot) makes a weak claim: this format reads the lines before it
    /// as raw text, losing another format's, which that format reads whole (PuTTY's lines after it too, without times).
    /// </summary>
    public override double Score(IReadOnlyList<string> sample) => sample.Count > 0 && IsHeader(sample[0]) ? 1 : sample.Any(IsHeader) ? 0.3 : 0;

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines) =>
        RawReader.ReadTraffic(lines.Where(line => !IsHeader(line.Text)));

    public static bool IsHeader(string line) => Header().IsMatch(line);

    /// <summary>As <see cref="IsHeader(string)"/>, from a line's bytes: a look at its first bytes, and the whole test only for such a line.</summary>
    public static bool IsHeader(ReadOnlySpan<byte> line) => line.StartsWith("=~=~=~=~"u8) && IsHeader(System.Text.Encoding.UTF8.GetString(line));

    [GeneratedRegex(@"^=~=~=~=~.* PuTTY log \d{4}\.\d\d\.\d\d \d\d:\d\d:\d\d =~=~")]
    private static partial Regex Header();
}
