using System.Buffers;

namespace Conformance.Protocol.Framing;

/// <summary>
/// A command line as the module executes it: typed in a terminal, it may hold backspaces (V.250's editing
/// character S5, 8 by default), each of which deletes the character before it. Logs keep the keystrokes
/// (<c>AT+CQ\b\bSQ</c>); the module runs <c>AT+CSQ</c> and echoes the keystrokes.
/// </summary>
public static class LineEditing
{
    public const byte Backspace = 8;

    /// <summary>True when <paramref name="line"/> holds a backspace to apply.</summary>
    public static bool HasEdits(ReadOnlySpan<byte> line) => line.IndexOf(Backspace) >= 0;

    /// <summary><paramref name="line"/> with each backspace and the character before it removed.</summary>
    public static string Apply(string line)
    {
        if (line.IndexOf((char)Backspace) < 0) return line;
        var kept = new char[line.Length];
        var length = 0;
        foreach (var c in line)
        {
            if (c != (char)Backspace) kept[length++] = c;
            else if (length > 0) length--;
        }
        return new string(kept, 0, length);
    }

    /// <summary>True when <paramref name="typed"/>, its backspaces applied, is <paramref name="line"/>.</summary>
    public static bool SameAs(ReadOnlySpan<byte> typed, ReadOnlySpan<byte> line)
    {
        var rented = ArrayPool<byte>.Shared.Rent(typed.Length);
        try
        {
            var length = 0;
            foreach (var b in typed)
            {
                if (b != Backspace) rented[length++] = b;
                else if (length > 0) length--;
            }
            return rented.AsSpan(0, length).SequenceEqual(line);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
