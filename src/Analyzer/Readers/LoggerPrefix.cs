using System.Runtime.CompilerServices;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// What a logger writes between its time stamp and the message, as scripts and firmware log the port's traffic:
/// a bar (<c>| AT</c>), a level (<c>INFO AT</c>, <c>[DEBUG] AT</c>, <c>WARN: AT</c>), or Python's default format
/// (<c>- modem - DEBUG - AT</c>). Read past, so the message is the line's data.
/// </summary>
internal static class LoggerPrefix
{
    private static readonly string[] Levels = ["TRACE", "DEBUG", "DBG", "INFO", "NOTICE", "WARNING", "WARN", "ERROR", "ERR", "CRITICAL", "FATAL", "VERBOSE"];

    /// <summary>The length of the logger's prefix at the start of <paramref name="data"/>; 0 when there is none.</summary>
    /// <remarks>
    /// Asked for every stamped line: the first byte is tested in line (most lines of traffic, <c>AT</c>, <c>+</c>, <c>OK</c>, start with
    /// no byte a prefix starts with), the rest kept out of line so the stamp reader stays small.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Length(ReadOnlySpan<byte> data) => !data.IsEmpty && MayStart(data[0]) ? Prefix(data) : 0;

    // The bytes a prefix can start with: a bar, a dash, a bracket, a level's first letter.
    private static bool MayStart(byte first) =>
        first is (byte)'|' or (byte)'-' or (byte)'[' or (byte)'T' or (byte)'D' or (byte)'I' or (byte)'N' or (byte)'W' or (byte)'E' or (byte)'C' or (byte)'F' or (byte)'V';

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Prefix(ReadOnlySpan<byte> data)
    {
        if (data[0] is (byte)'|' or (byte)'-' && data.Length > 1 && data[1] == ' ') return 2 + Named(data[2..]);
        return Level(data);
    }

    // Python's `%(name)s - %(levelname)s - `: words each followed by ` - `, up to a level.
    private static int Named(ReadOnlySpan<byte> data)
    {
        var at = 0;
        for (var words = 0; words < 3; words++)
        {
            var dash = data[at..].IndexOf(" - "u8);
            if (dash <= 0 || data.Slice(at, dash).IndexOf((byte)' ') >= 0) return 0;
            if (IsLevel(data.Slice(at, dash))) return at + dash + 3;
            at += dash + 3;
        }
        return 0;
    }

    // `INFO `, `INFO: `, `[INFO] `, `[INFO]`: a level, then the message (a bare `ERROR` is the module's result).
    private static int Level(ReadOnlySpan<byte> data)
    {
        var bracket = data[0] == '[';
        var from = bracket ? 1 : 0;
        var end = from;
        while (end < data.Length && char.IsAsciiLetterUpper((char)data[end])) end++;
        if (end == from || !IsLevel(data[from..end])) return 0;
        if (bracket)
        {
            if (end >= data.Length || data[end] != ']') return 0;
            end++;
        }
        else if (end < data.Length && data[end] == ':') end++;
        var message = end < data.Length && data[end] == ' ' ? end + 1 : end;
        return message < data.Length && data[message] != ' ' && (bracket || message > end) ? message : 0;
    }

    private static bool IsLevel(ReadOnlySpan<byte> word)
    {
        foreach (var level in Levels)
        {
            if (word.Length == level.Length && System.Text.Ascii.EqualsIgnoreCase(word, level)) return true;
        }
        return false;
    }
}
