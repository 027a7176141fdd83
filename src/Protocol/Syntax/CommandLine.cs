namespace Conformance.Protocol.Syntax;

/// <summary>
/// Any host command line split into its syntax, whatever the command: name, form and raw fields with their
/// positions. It never fails on a line that starts with <c>AT</c>; typed commands bind on top of it
/// (<see cref="Commands.AtCommandParser"/>), and nothing else splits a command line.
/// </summary>
/// <param name="Text">The line without its CR/LF terminator.</param>
/// <param name="Name">The name after <c>AT</c>, upper case: <c>+MQTTSUB</c>, <c>^SYSCONFIG</c>, <c>E</c> for <c>ATE0</c>, empty for <c>AT</c>.</param>
/// <param name="WrittenName">The name as written, for a deviation about its case.</param>
/// <param name="Form">Test, read, set or exec.</param>
/// <param name="ArgumentsStart">Position of the first argument character: after <c>=</c>, or after the name of a basic command.</param>
public sealed record CommandLine(string Text, string Name, string WrittenName, CommandForm Form, int ArgumentsStart)
{
    // Prefixes of extended command names (V.250 §5.4.1 and vendor practice: AT^, AT$, AT%, AT#, AT*).
    private const string ExtendedPrefixes = "+^$%#*";

    /// <summary>True when the line starts with <c>AT</c> in any case.</summary>
    public static bool IsCommand(ReadOnlySpan<char> line) => line.Length >= 2 && (line[0] | 0x20) == 'a' && (line[1] | 0x20) == 't';

    /// <summary>Splits one command line; null when it does not start with <c>AT</c>.</summary>
    public static CommandLine? Parse(string line)
    {
        line = line.TrimEnd('\r', '\n');
        if (!TryReadName(line, out var name, out var form, out var arguments)) return null;
        var (written, upper) = Names.Of(name);
        return new CommandLine(line, upper, written, form, arguments);
    }

    // A log names few commands, each thousands of times: the name and its upper case are made once per spelling.
    private static readonly NameStrings Names = new();

    private sealed class NameStrings
    {
        private const int Capacity = 1024;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _upper = new(StringComparer.Ordinal);

        public (string Written, string Upper) Of(ReadOnlySpan<char> name)
        {
            var known = _upper.GetAlternateLookup<ReadOnlySpan<char>>();
            if (known.TryGetValue(name, out var written, out var upper)) return (written, upper);
            written = name.ToString();
            upper = written.ToUpperInvariant();
            if (upper == written) upper = written;
            if (_upper.Count < Capacity) _upper.TryAdd(written, upper);
            return (written, upper);
        }
    }

    /// <summary>
    /// The name as written and the form of a command line, read in place (as <see cref="Parse"/> reads them, without
    /// building anything); false when the line does not start with <c>AT</c>.
    /// </summary>
    public static bool TryReadName(ReadOnlySpan<char> line, out ReadOnlySpan<char> written, out CommandForm form, out int argumentsStart)
    {
        line = line.TrimEnd("\r\n");
        written = default;
        (form, argumentsStart) = (CommandForm.Exec, 0);
        if (!IsCommand(line)) return false;
        var end = 2;
        if (end < line.Length && ExtendedPrefixes.Contains(line[end]))
        {
            end++;
            while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] == '_')) end++;
        }
        else if (end < line.Length && line[end] == '&' && end + 1 < line.Length && char.IsAsciiLetter(line[end + 1])) end += 2;
        else if (end < line.Length && char.IsAsciiLetter(line[end])) end++;   // a basic command: E in ATE0
        written = line[2..end];
        // V.250 has the module ignore spaces in a command line: `AT+MQTTCFG =…` is the set form, with a deviation noted.
        var sign = end;
        while (sign < line.Length && line[sign] is ' ' or '\t') sign++;
        if (sign > end && written.Length > 1 && sign < line.Length && line[sign] is '=' or '?') end = sign;
        (form, argumentsStart) = line[end..] switch
        {
            ['=', '?', ..] => (CommandForm.Test, end + 2),
            ['=', ..] => (CommandForm.Set, end + 1),
            ['?', ..] => (CommandForm.Read, end + 1),
            _ => (CommandForm.Exec, end),
        };
        return true;
    }

    /// <summary>How statistics group lines: the name with its form, <c>AT+MQTTPUB=</c>, <c>AT+MQTTSTAT?</c>, <c>AT+X=?</c>, <c>ATE0</c>.</summary>
    public string Key => Form switch
    {
        CommandForm.Set => $"AT{Name}=",
        CommandForm.Read => $"AT{Name}?",
        CommandForm.Test => $"AT{Name}=?",
        _ => Text.TrimEnd().ToUpperInvariant(),
    };

    /// <summary>The text after the name and its form sign: the argument list of a set command, the digits of <c>ATE0</c>.</summary>
    public string Arguments => Text[ArgumentsStart..];

    /// <summary>Every comma-separated field of a set command (none for the other forms), with positions in <see cref="Text"/>.</summary>
    public IReadOnlyList<AtField> Fields => Split(int.MaxValue, out _, out _);

    /// <summary>
    /// The fields of a set command, at most <paramref name="maxFields"/>: the last takes the rest of the line verbatim
    /// (a free-text message may hold commas). Fields up to a broken quote are still returned, with the error.
    /// </summary>
    /// <param name="maxFields">Fields after this many are not split.</param>
    /// <param name="error">Set when a quote is not closed or text follows a closing quote.</param>
    /// <param name="errorPosition">Position of the error in <see cref="Text"/>; -1 without error.</param>
    public List<AtField> Split(int maxFields, out string? error, out int errorPosition)
    {
        if (Form != CommandForm.Set)
        {
            (error, errorPosition) = (null, -1);
            return [];
        }
        return AtFieldReader.Split(Text.AsSpan(ArgumentsStart), ArgumentsStart, maxFields, out error, out errorPosition);
    }
}
