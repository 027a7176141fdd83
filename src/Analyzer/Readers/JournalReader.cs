namespace Conformance.Analyzer.Readers;

/// <summary>
/// A system journal or syslog file in which a program logs the port's traffic without marking its direction
/// (<c>Nov 30 08:00:00 gw modem[311]: AT+CSQ</c>, <c>2026-11-30T08:00:00.123456+0800 gw modem[311]: +MQTTPUBACK: 1,0</c>;
/// the stamps and prefixes <see cref="JournalPrefix"/> reads). The message is the line's data, its direction told from
/// its text (<see cref="DirectionGuess"/>), as in the other formats that record none.
/// </summary>
/// <remarks>
/// A journal holds every program's lines (<c>systemd[1]: Started …</c>, <c>kernel: usb 1-1: …</c>): only the lines of
/// a program that logged AT traffic (<see cref="IsTraffic"/>) are the port's, the others are left out. Until the first such
/// program is known, every line is held (up to <see cref="TranscriptReader.LearnWithin"/>, copied), so its banner before the
/// first command is not lost; from then on each line is read in place, another program counting from its first line of
/// traffic. A line indented under a kept line is the rest of its message (journalctl writes a message of several lines so).
/// A journal whose lines carry direction marks (<c>gw modem[311]: TX: AT</c>) is a transcript's.
/// </remarks>
internal sealed class JournalReader : LogReader
{
    public override LogFormat Format => LogFormat.Journal;

    public override bool EndsLines => true;

    /// <summary>True for a line of a journal: other stamped formats leave it to this one.</summary>
    public static bool Marks(string line) => MessageOf(line) is not null;

    /// <summary>The message of a journal's line (its prefix is ASCII, so its bytes count as its characters); null for another line.</summary>
    public static string? MessageOf(string line)
    {
        Span<byte> head = stackalloc byte[160];
        var length = Math.Min(line.Length, head.Length);
        for (var i = 0; i < length; i++) head[i] = line[i] < 0x80 ? (byte)line[i] : (byte)0xFF;
        LogClock.LastMinute none = default;
        return JournalPrefix.Read(head[..length], ref none, out var parts) ? line[Math.Min(parts.MessageStart, line.Length)..] : null;
    }

    /// <summary>
    /// A journal whose traffic is marked (<c>gw modem[311]: TX: AT</c>, ModemManager's <c>--&gt; 'AT+CSQ&lt;CR&gt;'</c>) more than
    /// not is a transcript's or ModemManager's, which read the marks: this format gives way. Other programs' lines
    /// (<c>systemd[1]: Started …</c>) count as the journal's, so a sample of a boot before the traffic is still one.
    /// </summary>
    public override double Score(IReadOnlyList<string> sample)
    {
        int marked = 0, unmarked = 0;
        foreach (var line in sample)
        {
            if (MessageOf(line) is not { } message) continue;
            if (IsMarked(line, message)) marked++;
            else if (LooksLikeTraffic(message)) unmarked++;
        }
        return marked > unmarked ? 0 : base.Score(sample);
    }

    protected override LineEvidence Classify(string line) =>
        MessageOf(line) is not { } message ? base.Classify(line) : IsMarked(line, message) ? LineEvidence.Foreign : LineEvidence.Match;

    // Traffic with a direction mark (`TX: AT+CSQ`, ModemManager's `--> 'AT+CSQ<CR>'`); not another program's words that
    // read as one (`Sent signal SIGTERM to …`).
    private static bool IsMarked(string line, string message)
    {
        if (ModemManagerReader.IsTraffic(line)) return true;
        var (text, tag) = TranscriptTag.Parse(line) is { } own ? (line, own) : (message, TranscriptTag.Parse(message));
        return tag is not null && LooksLikeTraffic(text[Math.Min(tag.DataStart, text.Length)..]);
    }

    /// <summary>A command, a response or URC by its name, a final result: what a program logging the port writes.</summary>
    public static bool LooksLikeTraffic(string message) =>
        IsTraffic(System.Text.Encoding.UTF8.GetBytes(message)) || message.StartsWith("OK", StringComparison.Ordinal) || message.Contains("ERROR", StringComparison.Ordinal);

    /// <summary>
    /// A message that shows its program logs the port: an AT command (<c>AT</c>, <c>AT+CSQ</c>, <c>ATE0</c>, not a word that
    /// starts so: <c>at-bridge.service: …</c>, <c>attempting …</c>), or a response or URC by its name (<c>+CSQ:</c>).
    /// </summary>
    public static bool IsTraffic(ReadOnlySpan<byte> message)
    {
        if (DirectionGuess.StartsWithAt(message))
        {
            if (message.Length == 2 || message[2] is (byte)'+' or (byte)'^' or (byte)'$' or (byte)'%' or (byte)'#' or (byte)'*' or (byte)'&') return true;
            // A basic command: one letter, then its digit, a query or the end (`ATE0`, `ATI`, `ATZ`).
            return char.IsAsciiLetter((char)message[2]) && (message.Length == 3 || message[3] is (byte)'?' or (byte)'=' || char.IsAsciiDigit((char)message[3]));
        }
        if (message.Length < 3 || message[0] != '+' || !char.IsAsciiLetterUpper((char)message[1])) return false;
        var end = 2;
        while (end < message.Length && (char.IsAsciiLetterUpper((char)message[end]) || char.IsAsciiDigit((char)message[end]))) end++;
        return end < message.Length && message[end] == ':';
    }

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        var kept = new KeptRecords();
        var journal = new Lines(kept);
        foreach (var line in lines)
        {
            journal.Next(line.Content.Span, line.Number, line.File);
            foreach (var record in kept.Records) yield return record;
            kept.Records.Clear();
        }
    }

    /// <summary>Lends each kept line as it is read: no object per line, the message copied after the one before it.</summary>
    public override bool ReadInPlace(IEnumerable<LineSplitter> files, IRecordSink sink)
    {
        var journal = new Lines(sink);
        foreach (var file in files)
        {
            while (file.TryNext(out var content, out _, out var number)) journal.Next(content, number, file.File);
        }
        return true;
    }

    /// <summary>The lines of a journal, each kept line lent to the sink as it is read.</summary>
    private sealed class Lines(IRecordSink sink)
    {
        private readonly DirectionGuess _guess = new();
        private readonly LogClock _clock = new();
        private LogClock.LastMinute _lastMinute;
        private readonly List<byte[]> _programs = [];
        private byte[] _scratch = new byte[256];
        private When _when;
        private DateTimeOffset? _first;

        // The last line's program: kept, left out, or held while no program is known (its name then in _heldProgram).
        private enum Last { None, Kept, LeftOut, Held }
        private Last _last;
        private byte[] _heldProgram = [];

        /// <summary>A line read before any program was known, copied: given out if its program proves to log the port.</summary>
        private sealed record Held(long Number, string File, When When, byte[] Program, byte[] Message);

        /// <summary>A line's time: on the clock, or since boot (<c>short-monotonic</c>); none for a stamp that is no time.</summary>
        private readonly record struct When(DateTimeOffset? Time, TimeSpan? SinceBoot, bool NotATime);

        private List<Held>? _held = [];

        public void Next(ReadOnlySpan<byte> content, long number, string file)
        {
            if (!JournalPrefix.Read(content, ref _lastMinute, out var parts))
            {
                // The rest of a message, indented under it; anything else (`-- Boot 3f2… --`) is journalctl's own.
                if (content.IsEmpty || content[0] is not ((byte)' ' or (byte)'\t')) return;
                var rest = content.TrimStart(" \t"u8);
                if (rest.IsEmpty) return;
                if (_last == Last.Kept) Give(number, file, _when, rest);
                else if (_last == Last.Held) Hold(number, file, _heldProgram, rest);
                return;
            }
            _when = new When(parts.Dated is { } dated ? _clock.Dated(dated, parts.Zone) : parts.TimeOfDay is { } timeOfDay ? _clock.At(timeOfDay) : null,
                parts.SinceBoot, parts.NotATime);
            var program = content.Slice(parts.ProgramStart, parts.ProgramLength);
            var message = content[parts.MessageStart..];
            message = message[LoggerPrefix.Length(message)..];
            if (IsKept(program))
            {
                _last = Last.Kept;
                Give(number, file, _when, message);
                return;
            }
            if (IsTraffic(message))
            {
                _programs.Add(program.ToArray());
                // The first program known: its held lines go out before this one, the others' are left out.
                foreach (var held in _held ?? [])
                    if (program.SequenceEqual(held.Program)) Give(held.Number, held.File, held.When, held.Message);
                _held = null;
                _last = Last.Kept;
                Give(number, file, _when, message);
                return;
            }
            if (_held is null)
            {
                _last = Last.LeftOut;
                return;
            }
            _heldProgram = program.SequenceEqual(_heldProgram) ? _heldProgram : program.ToArray();
            _last = Last.Held;
            Hold(number, file, _heldProgram, message);
        }

        private bool IsKept(ReadOnlySpan<byte> program)
        {
            foreach (var known in _programs)
                if (program.SequenceEqual(known)) return true;
            return false;
        }

        private void Hold(long number, string file, byte[] program, ReadOnlySpan<byte> message)
        {
            if (_held is { Count: < TranscriptReader.LearnWithin })
                _held.Add(new Held(number, file, _when, program, message.ToArray()));
        }

        private void Give(long number, string file, When when, ReadOnlySpan<byte> message)
        {
            var (time, sinceBoot, notATime) = when;
            var sinceStart = sinceBoot ?? (time is { } at ? at - (_first ??= at) : null);
            var direction = _guess.Next(message, sinceStart);
            var length = message.Length + 2;
            if (_scratch.Length < length) _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
            message.CopyTo(_scratch);
            (_scratch[length - 2], _scratch[length - 1]) = ((byte)'\r', (byte)'\n');
            sink.Add(new RecordView(number, file, time, sinceStart, direction, _scratch.AsSpan(0, length), stampNotATime: notATime));
        }
    }
}
