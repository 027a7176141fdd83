namespace Conformance.Protocol.Framing;

/// <summary>
/// What the tokenizer knows about the command the host is waiting on: nothing (a capture of module output
/// only), no command, or a command line. Keeps its own copy so it never allocates after warm-up.
/// </summary>
internal sealed class PendingCommand
{
    private byte[] _line = new byte[128];
    private int _length;
    private int _nameStart, _nameLength;

    /// <summary>True when the host side is not visible at all (raw capture).</summary>
    public bool Unknown { get; private set; }

    /// <summary>True while a sent command waits for its final result.</summary>
    public bool Active { get; private set; }

    /// <summary>True once the echo of the active command has been seen.</summary>
    public bool EchoSeen { get; set; }

    /// <summary>
    /// True after <c>ATV0</c> (V.250): the module gives its result codes as numbers, <c>0</c> for OK and <c>4</c> for
    /// ERROR, until <c>ATV1</c>, <c>ATZ</c> or <c>AT&amp;F</c>. The command that sets it is answered in its new form.
    /// </summary>
    public bool NumericResults { get; private set; }

    public PendingCommand(bool unknown) => Unknown = unknown;

    public ReadOnlySpan<byte> Line => _line.AsSpan(0, _length);

    /// <summary>The command name as written after AT, e.g. <c>+MQTTSUB</c> for <c>AT+MQTTSUB?</c>.</summary>
    public ReadOnlySpan<byte> Name => _line.AsSpan(_nameStart, _nameLength);

    public void Sent(ReadOnlySpan<byte> commandLine)
    {
        commandLine = commandLine.TrimEnd("\r\n"u8);
        if (_line.Length < commandLine.Length) _line = new byte[Math.Max(commandLine.Length, _line.Length * 2)];
        commandLine.CopyTo(_line);
        _length = commandLine.Length;
        _nameStart = Math.Min(2, _length);
        var rest = Line[_nameStart..];
        var end = rest.IndexOfAny("=?"u8);
        // Spaces before the form sign (`AT+CSQ ?`), or after a bare name (`AT+CSQ  `, a terminal's padding), are no part
        // of the name the answer repeats.
        _nameLength = (end < 0 ? rest : rest[..end]).TrimEnd(" \t"u8).Length;
        Unknown = false;
        Active = true;
        EchoSeen = false;
        NumericResults = ResultForm(Line, NumericResults);
    }

    /// <summary>The result form after <paramref name="line"/>: its basic commands (<c>ATE0V0</c>) up to an extended one.</summary>
    private static bool ResultForm(ReadOnlySpan<byte> line, bool numeric)
    {
        if (line.Length < 2 || (line[0] | 0x20) != 'a' || (line[1] | 0x20) != 't') return numeric;
        for (var i = 2; i < line.Length && line[i] != '+'; i++)
        {
            switch (line[i] | 0x20)
            {
                case 'v': numeric = i + 1 >= line.Length || line[i + 1] != '1'; break;
                case 'z': numeric = false; break;
                case 'f' when line[i - 1] == '&': numeric = false; break;
            }
        }
        return numeric;
    }

    public void Completed() => Active = false;
}
