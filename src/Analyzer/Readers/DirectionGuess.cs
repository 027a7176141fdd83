namespace Conformance.Analyzer.Readers;

/// <summary>
/// Gives a direction to lines of a log that records none: a line starting with <c>AT</c> is what the host
/// sent, unless it repeats the command sent just before (the module's echo); everything else is the module's.
/// </summary>
internal sealed class DirectionGuess
{
    // The command sent just before, in a buffer reused from line to line; -1 when its echo came or another line did.
    private byte[] justSent = new byte[128];
    private int justSentLength = -1;

    /// <param name="line">The line without its line end.</param>
    public LogDirection Next(ReadOnlySpan<byte> line)
    {
        if (!StartsWithAt(line))
        {
            justSentLength = -1;
            return LogDirection.FromModule;
        }
        if (justSentLength >= 0 && line.SequenceEqual(justSent.AsSpan(0, justSentLength)))
        {
            justSentLength = -1;
            return LogDirection.FromModule;
        }
        if (justSent.Length < line.Length) justSent = new byte[Math.Max(line.Length, justSent.Length * 2)];
        line.CopyTo(justSent);
        justSentLength = line.Length;
        return LogDirection.ToModule;
    }

    /// <summary>Cuts data into lines, each keeping its line end, and gives each line its direction.</summary>
    public IEnumerable<(LogDirection Direction, byte[] Data)> Lines(byte[] data)
    {
        var start = 0;
        while (start < data.Length)
        {
            var at = data.AsSpan(start).IndexOfAny((byte)'\r', (byte)'\n');
            var content = at < 0 ? data.Length - start : at;
            var ending = at < 0 ? 0 : data[start + at] == '\r' && start + at + 1 < data.Length && data[start + at + 1] == '\n' ? 2 : 1;
            var direction = Next(data.AsSpan(start, content));
            yield return (direction, data[start..(start + content + ending)]);
            start += content + ending;
        }
    }

    /// <summary>True for an AT command; not for text that merely starts with the letters (<c>AT version:1.7.4.0</c>).</summary>
    public static bool StartsWithAt(ReadOnlySpan<byte> line) =>
        line.Length >= 2 && (line[0] | 0x20) == 'a' && (line[1] | 0x20) == 't' && (line.Length == 2 || line[2] is not ((byte)' ' or (byte)'\t' or (byte)':'));
}
