using System.Text.Json;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// How a log of several modules (a gateway's, a test rig's) names the module each line is of: a short name in the
/// line's prefix (<c>[ttyUSB0] &gt; AT+CSQ</c>, <c>dev-0417 | … | TX | AT+CSQ</c>, <c>… modem2 &gt;&gt; AT+CSQ</c>), or a field of a
/// JSON object or a CSV column named for the device (<see cref="RowFields.Channel"/>). Decided once, from the detection
/// sample; a log without channels is read as before, at no cost per line.
/// </summary>
/// <remarks>
/// The rule is conservative, since splitting one module's log would pair nothing. In the prefix (what stands before the
/// traffic and its mark, <see cref="LoggerLine"/>) a name is a word of letters and digits (and <c>/ . _ -</c>) that
/// holds both, starts with no digit and names no thread (<c>thread</c>, <c>pool</c>, <c>worker</c>): so no time, date,
/// pid, counter or level is one. The words at one place in the prefix are a channel when, over the sample's lines of
/// AT traffic, they take at least two values, each of them on commands and on answers (a tx thread and an rx thread of
/// one port are not), and the values take turns (one comes back after another's lines: a daemon restarted, a session
/// after another, are read in order as one log, as they were written).
/// </remarks>
public sealed class LogChannels
{
    // How many names a prefix is searched for: the channel is among the first words, before the message.
    private const int Places = 4;

    private readonly int place;          // which name of the prefix, for a prefix channel; -1 for a field
    private readonly bool csv;           // a CSV column, found by the header
    private readonly bool json;          // a JSON field

    private LogChannels(int place, bool csv, bool json) => (this.place, this.csv, this.json) = (place, csv, json);

    /// <summary>What names the channel, for standard error (<c>the word in each line's prefix</c>, <c>the field port</c>).</summary>
    public string Describe() => json ? "a JSON field naming the device" : csv ? "a CSV column naming the device" : "a name in each line's prefix";

    /// <summary>The channels of a log of <paramref name="format"/> as its sample shows them; null for a log of one module.</summary>
    internal static LogChannels? Detect(IReadOnlyList<string> sample, LogFormat format) => format switch
    {
        LogFormat.JsonLines => FieldTakesTurns(sample, new LogChannels(-1, false, true)),
        LogFormat.CsvExport => FieldTakesTurns(sample, new LogChannels(-1, true, false)),
        LogFormat.Logger or LogFormat.Transcript or LogFormat.Journal or LogFormat.Timestamped or LogFormat.Tio or LogFormat.ModemManager =>
            PrefixPlace(sample) is var at and >= 0 ? new LogChannels(at, false, false) : null,
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
            return last = (LoggerLine.Find(line) is { } found ? Name(line.AsSpan(0, found.MarkStart), channels.place) : null) ?? last;
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

    // The place in the prefix whose names are channels by the rule above; -1 when none is.
    private static int PrefixPlace(IReadOnlyList<string> sample)
    {
        var places = new List<(string Name, bool Command)>[Places];
        for (var at = 0; at < Places; at++) places[at] = [];
        foreach (var line in sample)
        {
            if (LoggerLine.Find(line) is not { } found) continue;
            var command = IsCommand(line.AsSpan(found.Start));
            for (var at = 0; at < Places && Name(line.AsSpan(0, found.MarkStart), at) is { } name; at++) places[at].Add((name, command));
        }
        for (var at = 0; at < Places; at++)
            if (Channels(places[at])) return at;
        return -1;
    }

    /// <summary>True when the names take at least two values, each on commands and answers, and take turns.</summary>
    private static bool Channels(List<(string Name, bool Command)> lines)
    {
        var seen = new Dictionary<string, (bool Commands, bool Answers)>(StringComparer.Ordinal);
        var turns = false;
        string? before = null;
        foreach (var (name, command) in lines)
        {
            if (name != before && seen.ContainsKey(name)) turns = true;
            var (commands, answers) = seen.GetValueOrDefault(name);
            seen[name] = (commands || command, answers || !command);
            before = name;
        }
        return seen.Count >= 2 && turns && seen.Values.All(v => v.Commands && v.Answers);
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

    private static bool IsCommand(ReadOnlySpan<char> traffic) => traffic.Length >= 2 && (traffic[0] | 0x20) == 'a' && (traffic[1] | 0x20) == 't';

    /// <summary>The name at place <paramref name="at"/> of a prefix (0 the first); null when it holds fewer.</summary>
    internal static string? Name(ReadOnlySpan<char> prefix, int at)
    {
        var i = 0;
        while (i < prefix.Length)
        {
            while (i < prefix.Length && !IsWordChar(prefix[i])) i++;
            var start = i;
            while (i < prefix.Length && IsWordChar(prefix[i])) i++;
            if (i == start) break;
            var word = prefix[start..i].TrimEnd("./-_");
            if (!IsName(word)) continue;
            if (at-- == 0) return word.ToString();
        }
        return null;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '/' or '.' or '_' or '-';

    // Letters and digits both, no digit first (a time, a date, a pid, a hex id), and no thread's name.
    private static bool IsName(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= 40 && !char.IsAsciiDigit(word[0]) && word.ContainsAnyInRange('0', '9') && HasLetter(word) &&
        !word.Contains("thread", StringComparison.OrdinalIgnoreCase) && !word.Contains("pool", StringComparison.OrdinalIgnoreCase) &&
        !word.Contains("worker", StringComparison.OrdinalIgnoreCase);

    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.IsLetter(c)) return true;
        return false;
    }
}
