using System.Text;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// The shape shared by terminal programs that stamp each line of text and record no direction
/// (Tera Term, minicom, tio, pyserial scripts): the stamp gives the time, the text after it the data, and
/// <see cref="DirectionGuess"/> the direction. An unstamped line keeps the time of the last stamp.
/// </summary>
internal abstract class StampedTextReader : LogReader
{
    private readonly DirectionGuess guess = new();

    public override bool EndsLines => true;

    /// <param name="NotATime">The stamp has a stamp's shape but no real date or time (<c>2024-02-30</c>): the line is read
    /// without a time, and says so (<see cref="LogRecord.StampNotATime"/>).</param>
    protected readonly record struct TimePrefix(DateTimeOffset? Time, TimeSpan? SinceStart, int DataStart, bool NotATime = false);

    // The stamp of a line: its own (no time for a stamp that is no time), or the last one's for an unstamped line.
    private static TimePrefix StampOf(TimePrefix last, TimePrefix? stamp) => stamp switch
    {
        null => last with { DataStart = 0, NotATime = false },
        { NotATime: true } notATime => notATime,
        { } own => own,
    };

    /// <summary>The stamp at the start of a line, or null for an unstamped line.</summary>
    protected abstract TimePrefix? ParseStamp(string line);

    /// <summary>
    /// True when the stamp is read from the bytes (<see cref="ReadStamp"/>) and the data is the bytes after it: the
    /// lines are then read in place, without a string per line.
    /// </summary>
    protected virtual bool ReadsBytes => false;

    /// <summary>
    /// Reads the stamp at the start of a line's bytes into <paramref name="stamp"/>; false, leaving it as it was, for an
    /// unstamped line. Only when <see cref="ReadsBytes"/>. (Written in place: a stamp is read for every line.)
    /// </summary>
    protected virtual bool ReadStamp(ReadOnlySpan<byte> line, ref TimePrefix stamp) => throw new NotSupportedException();

    /// <summary>The data of a line from a character on; by default the text with CR LF appended.</summary>
    protected virtual byte[] Data(LogLine line, int dataStart) => WithCrLf(line, dataStart);

    // Only a stamp that is a time counts for detection: a line that only has a stamp's shape is weak evidence.
    protected override bool IsOwn(string line) => ParseStamp(line) is { NotATime: false };

    // UartAssist stamps its packet headers (`[10:38:51.803]# RECV ASCII>`): those lines are its own, not text after a stamp.
    // A stamp whose traffic stands behind something this format does not read (a mark, a tag: `[12345] send: AT`,
    // `10:11:12.100 [AT] AT`) is no evidence for it: a transcript's or any logger's reading fits the line better.
    protected override LineEvidence Classify(string line)
    {
        if (UartAssistReader.Marks(line)) return LineEvidence.Foreign;
        // The stamp is parsed once a line: IsOwn's test, made here.
        if (ParseStamp(line) is not { NotATime: false, DataStart: var start }) return LooksStamped(line) ? LineEvidence.Foreign : LineEvidence.Neutral;
        return TrafficBehind(line, start) ? LineEvidence.Neutral : LineEvidence.Match;
    }

    /// <summary>
    /// True when a terminal's stamp (one Tera Term's or tio's format reads) runs up to <paramref name="start"/> in
    /// <paramref name="line"/>, spaces aside: the line is then that format's, not any logger's (<see cref="LoggerReader"/>).
    /// </summary>
    internal static bool StampRunsTo(string line, int start)
    {
        // Asked of each line of a sample: one reader of each per thread (the stamp they find does not depend on their state).
        foreach (var reader in t_stampReaders ??= [new TimestampedReader(), new TioReader()])
            if (reader.ParseStamp(line) is { DataStart: var data } && data <= start && line.AsSpan(data, start - data).Trim().IsEmpty) return true;
        return false;
    }

    [ThreadStatic] private static StampedTextReader[]? t_stampReaders;

    private static bool TrafficBehind(string line, int start) =>
        start < line.Length && LoggerLine.Find(line.AsSpan(start)) is { } found
        && (found.Marked || line.AsSpan(start, found.MarkStart).Trim().Length > 0);

    /// <summary>
    /// The blanks between a stamp and its data beyond the one separator read with the stamp: MobaXterm and others pad the
    /// stamp with two spaces or a tab and spaces (<c>2026-12-01 10:20:01.112  AT+CSQ</c>), and the data starts after them.
    /// A line of blanks alone keeps them.
    /// </summary>
    private static int Padding<T>(ReadOnlySpan<T> rest) where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var (space, tab) = (T.CreateTruncating(' '), T.CreateTruncating('\t'));
        var blanks = 0;
        while (blanks < rest.Length && (rest[blanks] == space || rest[blanks] == tab)) blanks++;
        return blanks < rest.Length && rest[blanks] != T.CreateTruncating('\r') && rest[blanks] != T.CreateTruncating('\n') ? blanks : 0;
    }

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        TimePrefix last = default;
        DateTimeOffset? first = null;
        foreach (var line in lines)
        {
            var stamp = ParseStamp(line.Text);
            // A PuTTY log appended to this one starts with PuTTY's header: the tool's line, no traffic.
            if (stamp is null && (line.Content.IsEmpty || PuttyReader.IsHeader(line.Content.Span))) continue;
            last = StampOf(last, stamp);
            if (last.Time is { } time) first ??= time;
            var dataStart = last.DataStart + Padding(line.Text.AsSpan(last.DataStart));
            // A logger's print of each buffer after its stamp (`2026-11-30 10:00:00,100 b'AT+CSQ\r\n'`): the bytes it stands for.
            var bytes = PrintedData.Of(line.Text[dataStart..]) ?? Data(line, dataStart);
            foreach (var (direction, data) in guess.Lines(bytes, last.SinceStart ?? last.Time - first))
                yield return Record(line, last.Time, direction, data, last.SinceStart) with { StampNotATime = last.NotATime, TimeInherited = stamp is null };
        }
    }

    public override IEnumerable<LogRecord> Read(IEnumerable<LineSplitter> files)
    {
        if (!ReadsBytes) return base.Read(files);
        return InPlace(files);
    }

    /// <summary>
    /// As <see cref="Read(IEnumerable{LogLine})"/>, from the bytes: a line holds no line end, so it is one record, its
    /// data the bytes after the stamp with CR LF. The time since the first stamp is set here, saving a copy of each record.
    /// </summary>
    private IEnumerable<LogRecord> InPlace(IEnumerable<LineSplitter> files)
    {
        var kept = new KeptRecords();
        var lines = new InPlaceLines(this, kept);
        foreach (var file in files)
        {
            while (lines.Next(file))
            {
                foreach (var record in kept.Records) yield return record;
                kept.Records.Clear();
            }
        }
    }

    public override bool ReadInPlace(IEnumerable<LineSplitter> files, IRecordSink sink)
    {
        if (!ReadsBytes) return false;
        var lines = new InPlaceLines(this, sink);
        foreach (var file in files)
        {
            while (lines.Next(file)) { }
        }
        return true;
    }

    /// <summary>
    /// The lines of a log read in place, each record lent to the sink: the last stamp, the first time, the direction guess.
    /// </summary>
    /// <remarks>
    /// A line is read and lent in one call, its values in locals: the loop that calls it runs once per log, so it runs as
    /// on-stack-replaced code, and a record built there was copied as a whole after being written field by field,
    /// which stalls the processor (a load wider than the stores before it cannot be forwarded from them).
    /// </remarks>
    private sealed class InPlaceLines(StampedTextReader reader, IRecordSink sink)
    {
        private readonly DirectionGuess _guess = new();
        private byte[] _scratch = new byte[256];
        private TimePrefix _last;
        private DateTimeOffset? _first;

        /// <summary>Reads the next line of <paramref name="file"/> and lends its record (an empty unstamped line has none); false at its end.</summary>
        public bool Next(LineSplitter file)
        {
            if (!file.TryNext(out var content, out var ending, out var number)) return false;
            // As StampOf: the line's own stamp, else the last one's time for a line that is not empty.
            var inherited = !reader.ReadStamp(content, ref _last);
            if (inherited)
            {
                if (content.IsEmpty || PuttyReader.IsHeader(content)) return true;
                _last = _last with { DataStart = 0, NotATime = false };
            }
            var (time, sinceStart, dataStart, notATime) = _last;
            dataStart += Padding(content[dataStart..]);
            if (sinceStart is null && time is { } at) sinceStart = at - (_first ??= at);
            var text = content[dataStart..];
            if (PrintedData.MayBe(text) && PrintedData.Of(Encoding.UTF8.GetString(text)) is { } printed)
            {
                foreach (var (lineDirection, piece) in _guess.Lines(printed, sinceStart))
                    sink.Add(new RecordView(number, file.File, time, sinceStart, lineDirection, piece, owner: piece, stampNotATime: notATime, timeInherited: inherited));
                return true;
            }
            var direction = _guess.Next(text, sinceStart);
            // The data is the text with CR LF: in the splitter's buffer already when the line ends so (the only
            // two-byte line end), else copied.
            var length = text.Length + 2;
            var data = ending.Length == 2 ? file.Current.Slice(dataStart, length) : WithCrLf(text);
            sink.Add(new RecordView(number, file.File, time, sinceStart, direction, data, stampNotATime: notATime, timeInherited: inherited));
            return true;
        }

        private ReadOnlySpan<byte> WithCrLf(ReadOnlySpan<byte> text)
        {
            var length = text.Length + 2;
            if (_scratch.Length < length) _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
            text.CopyTo(_scratch);
            (_scratch[length - 2], _scratch[length - 1]) = ((byte)'\r', (byte)'\n');
            return _scratch.AsSpan(0, length);
        }
    }
}
