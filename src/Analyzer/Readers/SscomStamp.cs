using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// SSCOM's packet stamp <c>[15:37:11.116]发→◇</c> (sent) or <c>[15:37:11.141]收←◆</c> (received), shared by
/// its text and hex modes, also with the date some versions and settings put before the time
/// (<c>[2025-03-02 09:12:01.120]发→◇</c>). The line after a send shows the appended CR LF as <c>□</c>.
/// </summary>
internal static partial class SscomStamp
{
    public const string SentBox = "□";

    public static bool TryParse(string line, out TimeSpan timeOfDay, out LogDirection direction, out int dataStart)
    {
        var match = Stamp().Match(line);
        timeOfDay = default;
        direction = LogDirection.Unknown;
        dataStart = 0;
        if (!match.Success || !LogClock.TryParseTime(match.Groups["time"].ValueSpan, out timeOfDay)) return false;
        direction = match.Groups["mark"].Value == "发" ? LogDirection.ToModule : LogDirection.FromModule;
        dataStart = match.Length;
        return true;
    }

    public static bool IsSentBox(string line) => line.Trim() == SentBox;

    [GeneratedRegex(@"^\[(?:\d{4}[-/.]\d\d?[-/.]\d\d? )?(?<time>\d\d:\d\d:\d\d(?:\.\d+)?)\](?<mark>发|收)(?:→|←)[◇◆]?")]
    private static partial Regex Stamp();
}
