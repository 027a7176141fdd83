using System.Text.Json;
using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// How a log of several modules (a gateway's, a test rig's) names the module each line is of: a short name in the
/// line's prefix (<c>[ttyUSB0] &gt; AT+CSQ</c>, <c>dev-0417 | … | TX | AT+CSQ</c>, <c>… modem2 &gt;&gt; AT+CSQ</c>), or a field of a
/// JSON object or a CSV column named for the device (<see cref="RowFields.Channel"/>). Decided once, from the detection
/// sample; a log without channels is read as before, at no cost per line.
/// </summary>
/// <remarks>
/// The rule is conservative, since splitting one module's log would pair nothing. In the prefix (what stands before the
/// traffic and its mark, <see cref="LoggerLine"/>) a name is a word of letters (and digits, <c>/ . _ -</c>) that starts
/// with no digit and names no thread (<c>thread</c>, <c>pool</c>, <c>worker</c>), no level, month, weekday or zone: so
/// no time, date, pid, counter or level is one. The words at one place in the prefix are a channel when, over the
/// sample's lines of AT traffic, they take at least two values, each of them on commands and on answers (a tx thread and
/// an rx thread of one port are not), and the values take turns (one comes back after another's lines: a daemon
/// restarted, a session after another, are read in order as one log, as they were written). Names holding digits
/// (<c>ttyUSB0</c>, <c>modem2</c>) are counted apart from names of letters alone (<c>left</c>, <c>nbiot-east</c>) and
/// from single letters (<c>[A]</c>, <c>B:</c>); the latter two, being words a logger writes for many things (a task, a
/// module of its own code, a level), must also show that each name's commands are answered under that name (the final
/// result that ends a command of <c>left</c> is <c>left</c>'s), as a device's are and a <c>main</c> task's, answered under
/// the <c>uart</c> task, are not. Single letters that are all levels (<c>[I]</c> and <c>[D]</c>, <c>I</c> and <c>W</c>)
/// are levels, never devices: a logger that switched its verbosity writes a session under <c>[D]</c>, the next under <c>[I]</c>.
/// </remarks>
public sealed class LogChannels
{
    // How many names of each kind a prefix is searched for: the channel is among the first words, before the message.
    private const int Places = 6;

    private readonly int place;          // which name of the prefix, for a prefix channel; -1 for a field
    private readonly NameKind kind;          // a prefix channel's kind of name
    private readonly bool csv;           // a CSV column, found by the header
    private readonly bool json;          // a JSON field

    private LogChannels(int place, bool csv, bool json, NameKind kind = NameKind.Digits) => (this.place, this.csv, this.json, this.kind) = (place, csv, json, kind);

    /// <summary>The kinds of name a prefix is searched for, each counted apart, in the order they are tried.</summary>
    internal enum NameKind
    {
        /// <summary>Holding digits: <c>ttyUSB0</c>, <c>modem2</c>, <c>dev-0417</c>.</summary>
        Digits,

        /// <summary>Two letters or more and no digit: <c>left</c>, <c>modemA</c>, <c>nbiot-east</c>.</summary>
        Word,

        /// <summary>One ASCII letter alone: <c>[A]</c>, <c>B:</c>.</summary>
        Letter,
    }

    /// <summary>What names the channel, for standard error (<c>the word in each line's prefix</c>, <c>the field port</c>).</summary>
    public string Describe() => json ? "a JSON field naming the device" : csv ? "a CSV column naming the device" : "a name in each line's prefix";

    /// <summary>The channels of a log of <paramref name="format"/> as its sample shows them; null for a log of one module.</summary>
    internal static LogChannels? Detect(IReadOnlyList<string> sample, LogFormat format) => format switch
    {
        LogFormat.JsonLines => FieldTakesTurns(sample, new LogChannels(-1, false, true)),
        LogFormat.CsvExport => FieldTakesTurns(sample, new LogChannels(-1, true, false)),
        LogFormat.Logger or LogFormat.Transcript or LogFormat.Journal or LogFormat.Timestamped or LogFormat.Tio or LogFormat.ModemManager =>
            Prefix(Traffic(sample)),
        _ => null,
    };

    /// <summary>
    /// True when <paramref name="asked"/> names the channel <paramref name="name"/>: as written, in any case, or a device's
    /// file name without its folder (<c>ttyUSB1</c> for <c>/dev/ttyUSB1</c>).
    /// </summary>
    public static bool Names(string name, string asked) =>
        string.Equals(name, asked, StringComparison.OrdinalIgnoreCase) ||
        name.EndsWith('/' + asked, StringComparison.OrdinalIgnoreCase) || name.EndsWith('\\' + asked, StringComparison.OrdinalIgnoreCase);

    /// <summary>A reading of the log's lines in order: the channel of each (that of the line before for a line that names none).</summary>
    internal Reading Read() => new(this);

    /// <summary>Gives each line of one reading its channel; lines before the first named one have none.</summary>
    internal sealed class Reading(LogChannels channels)
    {
        private string? last;
        private char? separator;     // a CSV header's
        private int column = -1;     // a CSV header's channel column
        private bool open;           // a CSV row's quoted field goes on over this line

        /// <summary>True for a line that starts the log's rows (a CSV header): every channel reads it.</summary>
        public bool Shared { get; private set; }

        public string? Of(string line)
        {
            Shared = false;
            if (channels.json) return last = JsonChannel(line) ?? last;
            if (channels.csv) return last = CsvChannel(line) ?? last;
            return last = (LoggerLine.Find(line) is { } found ? Name(line.AsSpan(0, found.MarkStart), channels.place, channels.kind) : null) ?? last;
        }

        private string? CsvChannel(string line)
        {
            if (open && separator is { } inside)
            {
                open = CsvFields.OpenAfter(line, inside, quoted: true);
                return null;
            }
            if (CsvExportReader.Header(line) is { } header)
            {
                (separator, column, Shared) = (header.Separator, header.Channel, true);
                return null;
            }
            if (separator is not { } sep || column < 0) return null;
            open = CsvFields.OpenAfter(line, sep, quoted: false);
            var fields = CsvFields.Split(line, sep);
            return column < fields.Count && fields[column].Trim() is { Length: > 0 } name ? name : null;
        }
    }

    /// <summary>What a line of traffic is, for the rule: a command, the final result that ends one, or another answer.</summary>
    private enum Said { Command, Final, Answer }

    // The sample's lines of traffic: each one's prefix, and what it says.
    private static List<(string Prefix, Said Said)> Traffic(IReadOnlyList<string> sample)
    {
        var found = new List<(string Line, LoggerLine Found, Said Said)>();
        foreach (var line in sample)
            if (LoggerLine.Find(line) is { } traffic) found.Add((line, traffic, Kind(line.AsSpan(traffic.Start))));
        // The arrow the module's final results carry: a command under it is an echo, the module's.
        var moduleArrow = found.Where(f => f.Said == Said.Final && f.Found.Arrow is not null).GroupBy(f => f.Found.Arrow).MaxBy(arrows => arrows.Count())?.Key;
        return found.ConvertAll(f => (f.Line[..f.Found.MarkStart],
            f.Said == Said.Command && (f.Found.Direction == LogDirection.FromModule || f.Found.Arrow is { } arrow && arrow == moduleArrow) ? Said.Answer : f.Said));
    }

    // The channels of the sample's prefixes: names holding digits first, then words, then single letters.
    private static LogChannels? Prefix(List<(string Prefix, Said Said)> traffic)
    {
        foreach (var kind in (ReadOnlySpan<NameKind>)[NameKind.Digits, NameKind.Word, NameKind.Letter])
            if (PrefixPlace(traffic, kind) is var at and >= 0) return new LogChannels(at, false, false, kind);
        return null;
    }

    // The place in the prefix whose names of `kind` are channels by the rule above; -1 when none is.
    private static int PrefixPlace(List<(string Prefix, Said Said)> traffic, NameKind kind)
    {
        var places = new List<(string Name, Said Said)>[Places];
        for (var at = 0; at < Places; at++) places[at] = [];
        foreach (var (prefix, said) in traffic)
            for (var at = 0; at < Places && Name(prefix, at, kind) is { } name; at++) places[at].Add((name, said));
        for (var at = 0; at < Places; at++)
            if (Channels(places[at]) && (kind == NameKind.Digits || AnsweredUnderTheirNames(places[at])) && !(kind == NameKind.Letter && AllLevels(places[at])))
                return at;
        return -1;
    }

    // Single letters that are all a level's (`[I]` host lines, `[D]` answers; `[I]` with a few `[W]`): a level log, one module's.
    private static bool AllLevels(List<(string Name, Said Said)> lines) => lines.TrueForAll(l => LevelLetters.Contains(char.ToUpperInvariant(l.Name[0])));

    // The letters loggers write for a level: trace, debug, info, notice, warning, error, fatal, critical, verbose.
    private const string LevelLetters = "TDINWEFCV";

    /// <summary>True when the names take at least two values, each on commands and answers, and take turns.</summary>
    private static bool Channels(List<(string Name, Said Said)> lines)
    {
        var seen = new Dictionary<string, (bool Commands, bool Answers)>(StringComparer.Ordinal);
        var turns = false;
        string? before = null;
        foreach (var (name, said) in lines)
        {
            if (name != before && seen.ContainsKey(name)) turns = true;
            var (commands, answers) = seen.GetValueOrDefault(name);
            seen[name] = (commands || said == Said.Command, answers || said != Said.Command);
            before = name;
        }
        return seen.Count >= 2 && turns && seen.Values.All(v => v.Commands && v.Answers);
    }

    /// <summary>
    /// True when every name's commands are ended by final results under that name, and a final result under another name
    /// while a command waits (one task's command, another's answer) is rare: one in five at most.
    /// </summary>
    private static bool AnsweredUnderTheirNames(List<(string Name, Said Said)> lines)
    {
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var (own, other) = (0, 0);
        foreach (var (name, said) in lines)
        {
            if (said == Said.Command) waiting.Add(name);
            else if (said != Said.Final) continue;
            else if (waiting.Remove(name))
            {
                own++;
                answered.Add(name);
            }
            else if (waiting.Count > 0) other++;
        }
        return answered.Count == lines.Select(l => l.Name).Distinct(StringComparer.Ordinal).Count() && other * 4 <= own;
    }

    // A structured log names its device outright: two values that take turns make channels.
    private static LogChannels? FieldTakesTurns(IReadOnlyList<string> sample, LogChannels channels)
    {
        var reading = channels.Read();
        return TakeTurns(sample.Select(reading.Of)) ? channels : null;
    }

    private static bool TakeTurns(IEnumerable<string?> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? before = null;
        var turns = false;
        foreach (var name in names)
        {
            if (name is null) continue;
            if (name != before && !seen.Add(name)) turns = true;
            before = name;
        }
        return seen.Count >= 2 && turns;
    }

    private static string? JsonChannel(string line)
    {
        if (JsonLinesReader.Object(line) is not { } json) return null;
        var properties = json.EnumerateObject().ToList();
        var at = RowFields.Find([.. properties.Select(p => RowFields.Normal(p.Name))], RowFields.Channel);
        if (at < 0) return null;
        var value = properties[at].Value;
        var name = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    private static Said Kind(ReadOnlySpan<char> traffic)
    {
        if (traffic.Length >= 2 && (traffic[0] | 0x20) == 'a' && (traffic[1] | 0x20) == 't') return Said.Command;
        var line = traffic.Trim();
        return FinalResult.IsFinalResult(System.Text.Encoding.UTF8.GetBytes(line.ToString())) ? Said.Final : Said.Answer;
    }

    /// <summary>The name at place <paramref name="at"/> of a prefix (0 the first) among those of <paramref name="kind"/>; null when it holds fewer.</summary>
    internal static string? Name(ReadOnlySpan<char> prefix, int at, NameKind kind = NameKind.Digits)
    {
        var i = 0;
        while (i < prefix.Length)
        {
            while (i < prefix.Length && !IsWordChar(prefix[i])) i++;
            var start = i;
            while (i < prefix.Length && IsWordChar(prefix[i])) i++;
            if (i == start) break;
            var word = prefix[start..i].TrimEnd("./-_");
            if (!IsName(word, kind)) continue;
            if (at-- == 0) return word.ToString();
        }
        return null;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '/' or '.' or '_' or '-';

    // Letters, with digits or without as asked, no digit first (a time, a date, a pid, a hex id), and no thread's name;
    // of letters alone, no word a logger or a stamp writes for something else (a level, a month, a weekday, a zone).
    // A single letter is an ASCII one, standing alone (`[A]`, `B:`).
    private static bool IsName(ReadOnlySpan<char> word, NameKind kind) => kind == NameKind.Letter
        ? word.Length == 1 && char.IsAsciiLetter(word[0])
        : word.Length is >= 2 and <= 40 && !char.IsAsciiDigit(word[0]) && word.ContainsAnyInRange('0', '9') == (kind == NameKind.Digits) && HasLetter(word) &&
          !word.Contains("thread", StringComparison.OrdinalIgnoreCase) && !word.Contains("pool", StringComparison.OrdinalIgnoreCase) &&
          !word.Contains("worker", StringComparison.OrdinalIgnoreCase) && (kind == NameKind.Digits || !NoNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word));

    private static readonly HashSet<string> NoNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "trace", "debug", "dbg", "info", "inf", "notice", "warn", "warning", "wrn", "error", "err", "fatal", "critical", "crit", "verbose", "severe", "fine",
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "am", "pm", "utc", "gmt", "cst", "cet", "cest", "pst", "pdt", "est", "edt", "bst", "jst", "ist", "上午", "下午",
    };

    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.IsLetter(c)) return true;
        return false;
    }
}
