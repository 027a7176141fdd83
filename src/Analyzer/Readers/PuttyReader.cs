using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// A PuTTY session log: a header <c>=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2022.05.15 21:25:59 =~=~=~=~=~=~=~=~=~=~=~=</c>
/// (repeated when a later session appends), then the raw text. Lines carry no time; records have none.
/// </summary>
internal sealed partial class PuttyReader : LogReader
{
    public override LogFormat Format => LogFormat.Putty;

    /// <summary>The header is decisive: nothing else writes it.</summary>
    public override double Score(IReadOnlyList<string> sample) => sample.Any(IsHeader) ? 1 : 0;

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines) =>
        RawReader.ReadTraffic(lines.Where(line => !IsHeader(line.Text)));

    public static bool IsHeader(string line) => Header().IsMatch(line);

    [GeneratedRegex(@"^=~=~=~=~.* PuTTY log \d{4}\.\d\d\.\d\d \d\d:\d\d:\d\d =~=~")]
    private static partial Regex Header();
}
