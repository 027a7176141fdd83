using System.Runtime.CompilerServices;
using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Gives a direction to lines of a log that records none: a line starting with <c>AT</c> is what the host
/// sent, unless it repeats the command sent just before (the module's echo; not when it came seconds later, where the
/// log says when, nor once the module answered <c>ATE0</c> with OK); everything else is the module's.
/// </summary>
internal sealed class DirectionGuess
{
    // The command sent just before, in a buffer reused from line to line; -1 when its echo came or another line did.
    private byte[] justSent = new byte[128];
    private int justSentLength = -1;

    /// <summary>The longest an echo comes after its command: a repeat later than this is the command sent again (a host polling AT+CSQ).</summary>
    public static readonly TimeSpan EchoWithin = TimeSpan.FromSeconds(2);

    private TimeSpan? sentAt;

    // Echo switched by the host (ATE0 -1, ATE1 1), in effect once the module's OK follows; after ATE0 a repeat is the
    // command sent again, however soon.
    private sbyte echoAsked;
    private bool echoOff;

    /// <param name="line">The line without its line end.</param>
    /// <param name="at">When the line came (time since the log's start), when the log says.</param>
    /// <remarks>Asked for every line, and most are the module's: that test is made in line, the command's kept out of line.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LogDirection Next(ReadOnlySpan<byte> line, TimeSpan? at = null)
    {
        if (StartsWithAt(line)) return Command(line, at);
        justSentLength = -1;
        if (echoAsked != 0) EchoAnswered(line);
        return LogDirection.FromModule;
    }

    // The module's first line after ATE0/ATE1 (a blank one aside): OK switches the echo.
    private void EchoAnswered(ReadOnlySpan<byte> line)
    {
        var text = line.Trim(" \t\r\n\0"u8);
        if (text.IsEmpty) return;
        if (text.SequenceEqual("OK"u8)) echoOff = echoAsked < 0;
        echoAsked = 0;
    }

    // -1 for a command that turns the echo off (ATE0, ATE), 1 for one that turns it on (ATE1, and the factory profile: AT&F, ATZ).
    private static sbyte EchoSwitch(ReadOnlySpan<byte> line)
    {
        var text = line.Trim(" \t"u8);
        if (Ascii.EqualsIgnoreCase(text, "ATE0"u8) || Ascii.EqualsIgnoreCase(text, "ATE"u8)) return -1;
        if (Ascii.EqualsIgnoreCase(text, "ATE1"u8) || Ascii.EqualsIgnoreCase(text, "ATZ"u8) || Ascii.EqualsIgnoreCase(text, "AT&F"u8)) return 1;
        return 0;
    }

    // A line that starts with AT: the command sent, or its echo.
    private LogDirection Command(ReadOnlySpan<byte> line, TimeSpan? at)
    {
        if (!echoOff && justSentLength >= 0 && line.SequenceEqual(justSent.AsSpan(0, justSentLength)) && !(at - sentAt > EchoWithin))
        {
            justSentLength = -1;
            return LogDirection.FromModule;
        }
        echoAsked = EchoSwitch(line);
        if (justSent.Length < line.Length) justSent = new byte[Math.Max(line.Length, justSent.Length * 2)];
        line.CopyTo(justSent);
        (justSentLength, sentAt) = (line.Length, at);
        return LogDirection.ToModule;
    }

    /// <summary>Cuts data into lines, each keeping its line end, and gives each line its direction; <paramref name="came"/> is when the data came.</summary>
    public IEnumerable<(LogDirection Direction, byte[] Data)> Lines(byte[] data, TimeSpan? came = null)
    {
        var start = 0;
        while (start < data.Length)
        {
            var at = data.AsSpan(start).IndexOfAny((byte)'\r', (byte)'\n');
            var content = at < 0 ? data.Length - start : at;
            var ending = at < 0 ? 0 : data[start + at] == '\r' && start + at + 1 < data.Length && data[start + at + 1] == '\n' ? 2 : 1;
            var direction = Next(data.AsSpan(start, content), came);
            yield return (direction, data[start..(start + content + ending)]);
            start += content + ending;
        }
    }

    /// <summary>True for an AT command; not for text that merely starts with the letters (<c>AT version:1.7.4.0</c>).</summary>
    public static bool StartsWithAt(ReadOnlySpan<byte> line) =>
        line.Length >= 2 && (line[0] | 0x20) == 'a' && (line[1] | 0x20) == 't' && (line.Length == 2 || line[2] is not ((byte)' ' or (byte)'\t' or (byte)':'));
}
