namespace Conformance.Analyzer.Readers;

/// <summary>
/// What syslog and journalctl write before each message: a stamp, the host (left out by some configurations) and the
/// program with its pid (<c>Nov 30 08:00:00 gw modem[311]: </c>), read from the line's bytes. The stamps are syslog's and
/// journalctl's <c>-o short</c> (<c>Nov 30 08:00:00</c>, the day padded with a space too), <c>short-precise</c>
/// (<c>Nov 30 08:00:00.123456</c>), <c>short-iso</c> and <c>short-iso-precise</c> (<c>2026-11-30T08:00:00.123456+0800</c>,
/// as rsyslog writes RFC 3339 too), <c>short-full</c> (<c>Mon 2026-11-30 08:00:00 CST</c>), <c>short-unix</c> (epoch
/// seconds, <c>1764460800.123456</c>) and <c>short-monotonic</c> (seconds since boot, <c>[  812.004211]</c>); a syslog
/// message as sent over the network keeps its priority before the stamp (<c>&lt;30&gt;Nov 30 …</c>).
/// </summary>
internal static class JournalPrefix
{
    /// <summary>
    /// One line's prefix: its time (a time of day for syslog's stamp, which has no year; the time since boot for
    /// <c>short-monotonic</c>), the program's name and where the message starts.
    /// </summary>
    /// <param name="Dated">A dated stamp's wall-clock time as written.</param>
    /// <param name="Zone">The zone an ISO stamp names (<c>+0800</c>); not a zone's name (<c>CST</c>), which says no offset for sure.</param>
    public readonly record struct Parts(TimeSpan? TimeOfDay, DateTimeOffset? Dated, TimeSpan? SinceBoot, bool NotATime, int ProgramStart, int ProgramLength, int MessageStart,
        TimeSpan? Zone = null);

    private static ReadOnlySpan<byte> Months => "JanFebMarAprMayJunJulAugSepOctNovDec"u8;

    /// <summary>Reads the prefix at the start of <paramref name="line"/>; false for a line that does not start with one.</summary>
    public static bool Read(ReadOnlySpan<byte> line, ref LogClock.LastMinute lastMinute, out Parts parts)
    {
        var priority = Priority(line);
        if (!ReadStamped(line[priority..], ref lastMinute, out parts)) return false;
        parts = parts with { ProgramStart = parts.ProgramStart + priority, MessageStart = parts.MessageStart + priority };
        return true;
    }

    private static bool ReadStamped(ReadOnlySpan<byte> line, ref LogClock.LastMinute lastMinute, out Parts parts)
    {
        parts = default;
        int stampEnd;
        TimeSpan? timeOfDay = null, sinceBoot = null;
        DateTimeOffset? dated = null;
        TimeSpan? zone = null;
        var notATime = false;
        // A stamp other logs write too (ISO 8601, epoch seconds, seconds since boot): a program without its host is told
        // from a logger's `modem: AT` by its pid.
        var shared = true;
        if (line.Length < 16) return false;
        if (char.IsAsciiDigit((char)line[0]) && line[10] == '.')
        {
            stampEnd = Epoch(line, out var at);
            if (stampEnd == 0) return false;
            dated = at;
        }
        else if (char.IsAsciiDigit((char)line[0]))
        {
            // ISO 8601 as journalctl and rsyslog write it: a `T` and a zone, which tell it from a script's bare stamp.
            stampEnd = LogClock.ReadDateTime(line, ref lastMinute, out var at, out var real, out zone);
            if (stampEnd == 0 || line[10] != 'T' || !EndsInZone(line[..stampEnd])) return false;
            (dated, notATime) = (real ? at : null, !real);
        }
        else if (line[0] == '[')
        {
            stampEnd = Monotonic(line, out var since);
            if (stampEnd == 0) return false;
            sinceBoot = since;
        }
        else if (line[3] == ' ' && line[8] == '-' && IsWord(line[..3]))
        {
            // short-full: the weekday, the date and time, the zone's name.
            stampEnd = LogClock.ReadDateTime(line[4..], ref lastMinute, out var at, out var real, out _);
            if (stampEnd == 0 || line[14] != ' ' || 4 + stampEnd + 1 >= line.Length || line[4 + stampEnd] != ' ') return false;
            var name = 4 + stampEnd + 1;
            var nameLength = line[name..].IndexOf((byte)' ');
            if (nameLength <= 0) return false;
            stampEnd = name + nameLength;
            (dated, notATime, shared) = (real ? at : null, !real, false);
        }
        else
        {
            stampEnd = SyslogStamp(line, out var time);
            if (stampEnd == 0) return false;
            (timeOfDay, notATime, shared) = (time, time is null, false);
        }
        if (stampEnd >= line.Length || line[stampEnd] != ' ') return false;
        // The host and the program, or the program alone.
        var first = stampEnd + 1;
        var firstEnd = WordEnd(line, first);
        var (programStart, programLength) = Program(line[first..firstEnd], hostless: true, pidless: !shared) is var alone and > 0 ? (first, alone)
            : firstEnd < line.Length ? (firstEnd + 1, Program(line[(firstEnd + 1)..WordEnd(line, firstEnd + 1)], hostless: false, pidless: true)) : (0, 0);
        if (programLength == 0) return false;
        // `name[pid]:` or `name:`, then the message after one space.
        var colon = line[programStart..].IndexOf((byte)':') + programStart;
        var message = colon + 1 < line.Length && line[colon + 1] == ' ' ? colon + 2 : colon + 1;
        parts = new Parts(timeOfDay, dated, sinceBoot, notATime, programStart, programLength, message, zone);
        return true;
    }

    // `Nov 30 08:00:00`, `Nov  3 08:00:00.123456`: the length, and the time of day (null when the digits are no time).
    private static int SyslogStamp(ReadOnlySpan<byte> line, out TimeSpan? time)
    {
        time = null;
        if (line[3] != ' ' || Months.IndexOf(line[..3]) is var month && (month < 0 || month % 3 != 0)) return 0;
        if (!(line[4] == ' ' || char.IsAsciiDigit((char)line[4])) || !char.IsAsciiDigit((char)line[5]) || line[6] != ' ') return 0;
        var at = 7;
        if (line.Length < at + 8 || line[at + 2] != ':' || line[at + 5] != ':') return 0;
        if (!Digits(line.Slice(at, 2), out var hours) || !Digits(line.Slice(at + 3, 2), out var minutes) || !Digits(line.Slice(at + 6, 2), out var seconds)) return 0;
        var end = at + 8;
        long ticks = 0;
        if (end < line.Length && line[end] == '.')
        {
            var digits = 0;
            while (end + 1 + digits < line.Length && digits < 7 && char.IsAsciiDigit((char)line[end + 1 + digits]))
                ticks = ticks * 10 + (line[end + 1 + digits++] - '0');
            if (digits == 0) return 0;
            for (var pad = digits; pad < 7; pad++) ticks *= 10;
            end += 1 + digits;
        }
        if (hours <= 23 && minutes <= 59 && seconds <= 59)
            time = new TimeSpan(hours, minutes, seconds) + TimeSpan.FromTicks(ticks);
        return end;
    }

    // The length of a program's name before `[pid]:` or `:` (when pidless may) when the word is one, else 0. Without a host
    // before it, a name without a pid is one in lowercase (`kernel:`, `sudo:`): `TX:` and `Send:` are a transcript's marks.
    private static int Program(ReadOnlySpan<byte> word, bool hostless, bool pidless)
    {
        if (word.Length < 2 || word[^1] != ':') return 0;
        var name = word[..^1];
        if (name[^1] == ']')
        {
            var open = name.LastIndexOf((byte)'[');
            if (open <= 0 || open == name.Length - 2 || !AllDigits(name[(open + 1)..^1])) return 0;
            name = name[..open];
        }
        else if (!pidless || hostless && !char.IsAsciiLetterLower((char)name[0])) return 0;
        if (!(char.IsAsciiLetter((char)name[0]) || name[0] is (byte)'/' or (byte)'(' or (byte)'_')) return 0;
        foreach (var b in name)
            if (b is (byte)':' or (byte)'[' or (byte)'"' or (byte)'=' or (byte)',') return 0;
        return name.Length;
    }

    // `<30>`: the facility and severity a syslog message is sent with.
    private static int Priority(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || line[0] != '<') return 0;
        var end = 1;
        while (end < line.Length && end <= 4 && char.IsAsciiDigit((char)line[end])) end++;
        return end > 1 && end < line.Length && line[end] == '>' ? end + 1 : 0;
    }

    // `1764460800.123456`: epoch seconds (UTC) with up to seven digits of fraction.
    private static int Epoch(ReadOnlySpan<byte> line, out DateTimeOffset time)
    {
        time = default;
        if (!AllDigits(line[..10])) return 0;
        var digits = 0;
        long ticks = 0;
        while (11 + digits < line.Length && digits < 7 && char.IsAsciiDigit((char)line[11 + digits])) ticks = ticks * 10 + (line[11 + digits++] - '0');
        if (digits == 0) return 0;
        for (var pad = digits; pad < 7; pad++) ticks *= 10;
        var seconds = 0L;
        foreach (var digit in line[..10]) seconds = seconds * 10 + (digit - '0');
        time = DateTimeOffset.UnixEpoch.AddTicks(seconds * TimeSpan.TicksPerSecond + ticks);
        return 11 + digits;
    }

    // `[  812.004211]`: seconds since boot, padded.
    private static int Monotonic(ReadOnlySpan<byte> line, out TimeSpan since)
    {
        since = default;
        var at = 1;
        while (at < line.Length && line[at] == ' ') at++;
        long seconds = 0, ticks = 0;
        var whole = at;
        while (at < line.Length && at - whole < 9 && char.IsAsciiDigit((char)line[at])) seconds = seconds * 10 + (line[at++] - '0');
        if (at == whole || at >= line.Length || line[at] != '.') return 0;
        var fraction = ++at;
        while (at < line.Length && at - fraction < 7 && char.IsAsciiDigit((char)line[at])) ticks = ticks * 10 + (line[at++] - '0');
        if (at == fraction || at >= line.Length || line[at] != ']') return 0;
        for (var pad = at - fraction; pad < 7; pad++) ticks *= 10;
        since = TimeSpan.FromTicks(seconds * TimeSpan.TicksPerSecond + ticks);
        return at + 1;
    }

    private static int WordEnd(ReadOnlySpan<byte> line, int from)
    {
        if (from >= line.Length) return line.Length;
        var space = line[from..].IndexOf((byte)' ');
        return space < 0 ? line.Length : from + space;
    }

    private static bool EndsInZone(ReadOnlySpan<byte> stamp) =>
        stamp[^1] == 'Z' || stamp[^5] is (byte)'+' or (byte)'-' || stamp[^6] is (byte)'+' or (byte)'-';

    private static bool IsWord(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
            if (!char.IsAsciiLetter((char)b)) return false;
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
            if (!char.IsAsciiDigit((char)b)) return false;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> two, out int value)
    {
        value = (two[0] - '0') * 10 + (two[1] - '0');
        return char.IsAsciiDigit((char)two[0]) && char.IsAsciiDigit((char)two[1]);
    }
}
