using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// strace of the program that drives the port (<c>strace -tt -e trace=read,write -p PID</c>): what the program wrote,
/// <c>write(3, "AT+CSQ\r\n", 8) = 8</c>, went to the module, and what it read, <c>read(3, "\r\n+CSQ: 20,99\r\n", 255) = 15</c>,
/// came from it. The port is the descriptor whose writes carry AT commands, learned from the first
/// <see cref="TranscriptReader.LearnWithin"/> calls; the program's other descriptors (its own log on 1, sockets) are left
/// out. The strings are C's (<c>\r</c>, <c>\33</c>, <c>\x1b</c>); a string strace cut at its <c>-s</c> limit
/// (<c>"…"...</c>) ends where it was cut. Stamps of <c>-t</c>, <c>-tt</c> (times of day) and <c>-ttt</c> (epoch seconds),
/// <c>-f</c>'s process ids and a call split by another thread (<c>&lt;unfinished ...&gt;</c> … <c>&lt;... read resumed&gt;</c>) are read.
/// </summary>
internal sealed partial class StraceReader : LogReader
{
    private readonly LogClock clock = new();
    // A call another thread interrupted, per process: its name, descriptor and data so far.
    private readonly Dictionary<string, (string Call, int Fd, string? Data, bool Cut)> unfinished = [];
    private int? port;

    public override LogFormat Format => LogFormat.Strace;

    protected override bool IsOwn(string line) => Marks(line);

    /// <summary>True for a line strace writes: other stamped formats leave such lines to this one.</summary>
    public static bool Marks(string line) => Own().IsMatch(line);

    /// <summary>One read or write as strace printed it.</summary>
    private sealed record Call(LogLine Source, DateTimeOffset? Time, int Fd, bool Write, byte[] Data);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var learning = new List<Call>();
        // The tail of a line a read or write ended inside, per direction: it runs on into the next of that side.
        var held = new Dictionary<bool, LogRecord>();
        foreach (var line in lines)
        {
            if (Parse(line) is not { } call) continue;
            if (port is null)
            {
                if (call.Write && Encoding.Latin1.GetString(call.Data).TrimStart().StartsWith("AT", StringComparison.OrdinalIgnoreCase)) port = call.Fd;
                learning.Add(call with { Source = line.Kept() });
                if (port is null && learning.Count < TranscriptReader.LearnWithin) continue;
                port ??= learning.FirstOrDefault(c => c.Fd > 2)?.Fd ?? learning[0].Fd;
                foreach (var record in learning.SelectMany(Emit)) yield return record;
                learning.Clear();
                continue;
            }
            foreach (var record in Emit(call)) yield return record;
        }
        port ??= learning.FirstOrDefault(c => c.Fd > 2)?.Fd ?? learning.FirstOrDefault()?.Fd;
        foreach (var record in learning.SelectMany(Emit)) yield return record;
        foreach (var tail in held.Values.OrderBy(r => r.Line)) yield return tail;

        IEnumerable<LogRecord> Emit(Call call)
        {
            if (call.Fd != port || call.Data.Length == 0) yield break;
            var record = Record(call.Source, call.Time, call.Write ? LogDirection.ToModule : LogDirection.FromModule, call.Data);
            if (held.Remove(call.Write, out var before)) record = record with { Line = before.Line, Data = [.. before.Data, .. record.Data] };
            var end = record.Data.AsSpan().LastIndexOfAny((byte)'\r', (byte)'\n') + 1;
            if (end < record.Data.Length)
            {
                held[call.Write] = record with { Data = record.Data[end..] };
                if (end == 0) yield break;
                record = record with { Data = record.Data[..end] };
            }
            yield return record;
        }
    }

    private Call? Parse(LogLine line)
    {
        var text = line.Text;
        if (Unfinished().Match(text) is { Success: true } begun)
        {
            unfinished[begun.Groups["pid"].Value] = (begun.Groups["call"].Value, int.Parse(begun.Groups["fd"].ValueSpan, CultureInfo.InvariantCulture),
                begun.Groups["data"].Success ? begun.Groups["data"].Value : null, begun.Groups["cut"].Success);
            return null;
        }
        string call, data;
        int fd;
        bool cut;
        var done = Complete().Match(text);
        if (done.Success)
            (call, fd, data, cut) = (done.Groups["call"].Value, int.Parse(done.Groups["fd"].ValueSpan, CultureInfo.InvariantCulture), done.Groups["data"].Value, done.Groups["cut"].Success);
        else if ((done = Resumed().Match(text)).Success && unfinished.Remove(done.Groups["pid"].Value, out var start) && start.Call == done.Groups["call"].Value)
            (call, fd, data, cut) = (start.Call, start.Fd, done.Groups["data"].Success ? done.Groups["data"].Value : start.Data ?? "", done.Groups["data"].Success ? done.Groups["cut"].Success : start.Cut);
        else return null;
        // A call that failed (`= -1 EAGAIN`) moved no bytes.
        if (done.Groups["result"].ValueSpan.StartsWith("-")) return null;
        var bytes = CEscapes.Decode(data);
        return new Call(line, When(done), fd, call == "write", cut ? [.. bytes, (byte)'\r', (byte)'\n'] : bytes);
    }

    private DateTimeOffset? When(Match match) =>
        match.Groups["epoch"].Success ? LogClock.TryParseEpoch(match.Groups["epoch"].ValueSpan, out var epoch) ? epoch : null
        : match.Groups["time"].Success && LogClock.TryParseTime(match.Groups["time"].ValueSpan, out var time) ? clock.At(time) : null;

    // `[pid  312] ` or `312 ` (-f), then the stamp: `08:00:00`, `08:00:00.102311` or `1700000000.102311`.
    private const string Prefix = @"^\s*(?:\[pid\s+(?<pid>\d+)\]\s+|(?<pid>\d+)\s+(?=\d|[a-z<]))?(?:(?<epoch>1\d{9}\.\d{1,9})\s+|(?<time>\d\d:\d\d:\d\d(?:\.\d{1,9})?)\s+)?";
    private const string Data = @"""(?<data>(?:[^""\\]|\\.)*)""(?<cut>\.\.\.)?";

    [GeneratedRegex(Prefix + @"(?<call>read|write)\((?<fd>\d+),\s*" + Data + @",\s*\d+\)\s*=\s*(?<result>-?\d+)")]
    private static partial Regex Complete();

    [GeneratedRegex(Prefix + @"(?<call>read|write)\((?<fd>\d+),\s*(?:" + Data + @",\s*\d+\s*)?<unfinished \.\.\.>")]
    private static partial Regex Unfinished();

    [GeneratedRegex(Prefix + @"<\.\.\. (?<call>read|write) resumed>\s*(?:" + Data + @",\s*\d+)?\)\s*=\s*(?<result>-?\d+)")]
    private static partial Regex Resumed();

    // Any line strace writes: a call with its result, one interrupted or resumed, a signal, an exit, strace's own notes.
    [GeneratedRegex(Prefix + @"(?:[a-z_0-9]+\(.*(?:\)\s+=\s+(?:-?\d+|0x[0-9a-f]+|\?)|<unfinished \.\.\.>)|<\.\.\. [a-z_0-9]+ resumed>|--- SIG|\+\+\+ (?:exited|killed))|^strace: ")]
    private static partial Regex Own();
}
