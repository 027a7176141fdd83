using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// The manual's own transcript style: <c>[#Send]AT+MQTTSUB="dev/gsm/u",2</c> / <c>[#Recv]OK</c>, also with
/// a space after the tag and with bold markup left over (<c>[#**Recv**]</c>). Unmarked lines continue the last tag.
/// </summary>
internal sealed partial class ManualReader : LogReader
{
    public override LogFormat Format => LogFormat.Manual;

    protected override bool IsOwn(string line) => Tag().IsMatch(line);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var direction = LogDirection.Unknown;
        foreach (var line in lines)
        {
            var text = line.Text;
            var tag = Tag().Match(text);
            if (tag.Success)
            {
                direction = tag.Groups["dir"].Value == "Send" ? LogDirection.ToModule : LogDirection.FromModule;
                yield return Record(line, null, direction, WithCrLf(line, tag.Length));
            }
            else if (text.Trim().Length > 0)
            {
                yield return Record(line, null, direction, WithCrLf(line, 0));
            }
        }
    }

    [GeneratedRegex(@"^\s*\[#(?:\*\*)?(?<dir>Send|Recv)(?:\*\*)?\] ?")]
    private static partial Regex Tag();
}
