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
    /// True when the stamp is read from the bytes (<see cref="ParseStamp(ReadOnlySpan{byte})"/>) and the data is the
    /// bytes after it: the lines are then read in place, without a string per line.
    /// </summary>
    protected virtual bool ReadsBytes => false;

    /// <summary>The stamp at the start of a line's bytes, or null for an unstamped line; only when <see cref="ReadsBytes"/>.</summary>
    protected virtual TimePrefix? ParseStamp(ReadOnlySpan<byte> line) => throw new NotSupportedException();

    /// <summary>The data of a line from a character on; by default the text with CR LF appended.</summary>
    protected virtual byte[] Data(LogLine line, int dataStart) => WithCrLf(line, dataStart);

    // Only a stamp that is a time counts for detection: a line that only has a stamp's shape is weak evidence.
    protected override bool IsOwn(string line) => ParseStamp(line) is { NotATime: false };

    // UartAssist stamps its packet headers (`[10:38:51.803]# RECV ASCII>`): those lines are its own, not text after a stamp.
    protected override LineEvidence Classify(string line) => UartAssistReader.Marks(line) ? LineEvidence.Foreign : base.Classify(line);

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        TimePrefix last = default;
        DateTimeOffset? first = null;
        foreach (var line in lines)
        {
            var stamp = ParseStamp(line.Text);
            if (stamp is null && line.Content.IsEmpty) continue;
            last = StampOf(last, stamp);
            if (last.Time is { } time) first ??= time;
            foreach (var (direction, data) in guess.Lines(Data(line, last.DataStart), last.SinceStart ?? last.Time - first))
                yield return Record(line, last.Time, direction, data, last.SinceStart) with { StampNotATime = last.NotATime };
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
        var lines = new InPlaceLines();
        foreach (var file in files)
        {
            while (lines.Next(this, file))
            {
                if (lines.Carries) yield return lines.Record(file).ToRecord();
            }
        }
    }

    public override bool ReadInPlace(IEnumerable<LineSplitter> files, IRecordSink sink)
    {
        if (!ReadsBytes) return false;
        var lines = new InPlaceLines();
        foreach (var file in files)
        {
            while (lines.Next(this, file))
            {
                if (lines.Carries) sink.Add(lines.Record(file));
            }
        }
        return true;
    }

    /// <summary>The lines of a log read in place: the last stamp, the first time, the direction guess, the line just read.</summary>
    private sealed class InPlaceLines
    {
        private readonly DirectionGuess _guess = new();
        private byte[] _scratch = new byte[256];
        private TimePrefix _last;
        private DateTimeOffset? _first;
        private int _dataStart;
        private int _length;
        private bool _inBuffer;
        private long _number;
        private TimeSpan? _sinceStart;
        private LogDirection _direction;

        /// <summary>True when the line just read carries a record (an empty unstamped line does not).</summary>
        public bool Carries { get; private set; }

        /// <summary>Reads the next line of <paramref name="file"/>; false at its end.</summary>
        public bool Next(StampedTextReader reader, LineSplitter file)
        {
            if (!file.TryNext(out var content, out var ending, out _number)) return false;
            var stamp = reader.ParseStamp(content);
            Carries = stamp is not null || !content.IsEmpty;
            if (!Carries) return true;
            _last = StampOf(_last, stamp);
            var text = content[_last.DataStart..];
            _sinceStart = _last.SinceStart;
            if (_sinceStart is null && _last.Time is { } time) _sinceStart = time - (_first ??= time);
            _direction = _guess.Next(text, _sinceStart);
            // The data is the text with CR LF: in the splitter's buffer already when the line ends so (the only
            // two-byte line end), else copied.
            _inBuffer = ending.Length == 2;
            _length = text.Length + 2;
            if (!_inBuffer)
            {
                if (_scratch.Length < _length) _scratch = new byte[Math.Max(_length, _scratch.Length * 2)];
                text.CopyTo(_scratch);
                (_scratch[_length - 2], _scratch[_length - 1]) = ((byte)'\r', (byte)'\n');
            }
            _dataStart = _last.DataStart;
            return true;
        }

        /// <summary>The record of the line just read, valid until the next line.</summary>
        public RecordView Record(LineSplitter file) => new(_number, file.File, _last.Time, _sinceStart, _direction,
            _inBuffer ? file.Current.Slice(_dataStart, _length) : _scratch.AsSpan(0, _length), stampNotATime: _last.NotATime);
    }
}
