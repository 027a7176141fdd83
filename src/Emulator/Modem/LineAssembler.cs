namespace Conformance.Emulator.Modem;

/// <summary>
/// The module's line discipline: collects host bytes into command lines ended by CR, LF or CRLF (spec §1),
/// honours backspace for people typing by hand, and turns a line longer than the limit into one overflow.
/// </summary>
internal sealed class LineAssembler(int maxLength)
{
    private readonly byte[] _line = new byte[maxLength];
    private int _length;
    private bool _overflow, _afterCr;

    /// <summary>Feeds bytes; calls <paramref name="line"/> per complete line and <paramref name="overflow"/> per over-long one.</summary>
    public void Feed(ReadOnlySpan<byte> bytes, Action<byte[]> line, Action overflow)
    {
        foreach (var b in bytes)
        {
            var afterCr = _afterCr;
            _afterCr = b == '\r';
            switch (b)
            {
                case (byte)'\n' when afterCr:
                    break;
                case (byte)'\r' or (byte)'\n':
                    End(line, overflow);
                    break;
                case 0x08 or 0x7F:
                    if (_length > 0 && !_overflow) _length--;
                    break;
                default:
                    if (_length == _line.Length) _overflow = true;
                    else _line[_length++] = b;
                    break;
            }
        }
    }

    private void End(Action<byte[]> line, Action overflow)
    {
        var wasOverflow = _overflow;
        var text = _line.AsSpan(0, _length).ToArray();
        _length = 0;
        _overflow = false;
        if (wasOverflow) overflow();
        else if (text.Length > 0) line(text);
    }
}
