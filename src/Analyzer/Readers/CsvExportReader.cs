namespace Conformance.Analyzer.Readers;

/// <summary>
/// A serial tool's or a spreadsheet's CSV export of the port's lines (format <c>csv</c>): a header naming the columns
/// (<c>time,direction,data</c>; also <c>Timestamp;Dir;Message</c>, <c>时间,方向,数据</c>, separated by commas, semicolons
/// or tabs), then a row a line, a field in double quotes where it holds the separator, quotes or line breaks
/// (<see cref="CsvFields"/>). The time, direction and data columns are found by their names (<see cref="RowFields"/>)
/// and read as a logger's line (<see cref="StructuredRow"/>); a data column named for hex (<c>data_hex</c>,
/// <c>数据(HEX)</c>) holds the bytes in hex, unless a column says per row how the data is written (<see cref="RowNotation"/>).
/// A date in a column of its own is the time's (<c>Date,Time</c>), a number of seconds is the time since the capture
/// began (<see cref="RowTime"/>). A logic analyzer's export of single bytes is <see cref="LogicCsvReader"/>'s.
/// </summary>
internal sealed class CsvExportReader : LogReader
{
    /// <summary>The most lines a row's quoted field is followed over: a quote never closed does not swallow the log.</summary>
    public const int MaxRowLines = 100;

    private Columns? columns;
    private int openFor;   // in the sample, the lines a quoted field has run over; 0 when none is open

    public override LogFormat Format => LogFormat.CsvExport;

    public override bool EndsLines => true;

    /// <summary>
    /// Where the time, direction, data, device, date and notation (-1 when none) are, by the separator the header uses;
    /// how many columns it names; the data and time columns' names as written.
    /// </summary>
    internal sealed record Columns(char Separator, int Time, int Direction, int Data, int Count, string DataName, int Channel, int Date, int Notation, string? TimeName)
    {
        /// <summary>A reading of the rows' times, which learns from them (<see cref="RowTime"/>).</summary>
        public RowTime Times() => new(RowTime.UnitOf(TimeName));
    }

    public override double Score(IReadOnlyList<string> sample)
    {
        (columns, openFor) = (null, 0);
        return base.Score(sample);
    }

    // The header, then rows of its shape; a header read here sets the columns of the rows after it. A line inside a
    // row's quoted field is that row's.
    protected override LineEvidence Classify(string line)
    {
        if (openFor > 0 && columns is not null)
        {
            openFor = CsvFields.OpenAfter(line, columns.Separator, quoted: true) && openFor < MaxRowLines ? openFor + 1 : 0;
            return LineEvidence.Match;
        }
        if (Header(line) is { } header)
        {
            columns = header;
            return LineEvidence.Match;
        }
        if (columns is null || Row(line, columns, columns.Times()) is not { IsTraffic: true }) return LineEvidence.Neutral;
        openFor = CsvFields.OpenAfter(line, columns.Separator, quoted: false) ? 1 : 0;
        return LineEvidence.Match;
    }

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        Columns? read = null;
        RowTime? times = null;
        return StructuredRow.Read(Rows(lines), line =>
        {
            if (Header(line.Text) is { } header) (read, times) = (header, header.Times());
            else if (read is not null) return Row(line.Text, read, times!);
            return null;
        });
    }

    /// <summary>The lines as rows: a row whose quoted field holds line breaks is one line, numbered as its first.</summary>
    private static IEnumerable<LogLine> Rows(IEnumerable<LogLine> lines)
    {
        char? separator = null;
        List<LogLine>? held = null;
        foreach (var line in lines)
        {
            if (held is null)
            {
                if (Header(line.Text) is { } header) separator = header.Separator;
                else if (separator is { } open && CsvFields.OpenAfter(line.Text, open, quoted: false))
                {
                    held = [line.Kept()];
                    continue;
                }
                yield return line;
                continue;
            }
            held.Add(line.Kept());
            if (CsvFields.OpenAfter(line.Text, separator!.Value, quoted: true) && held.Count < MaxRowLines) continue;
            // Closed: one row. Never closed within the limit: a stray quote, each line read as it is.
            if (held.Count < MaxRowLines) yield return Joined(held);
            else foreach (var each in held) yield return each;
            held = null;
        }
        foreach (var each in held ?? []) yield return each;
    }

    // The lines of a row as one, the line breaks inside it as in the file.
    private static LogLine Joined(List<LogLine> lines)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < lines.Count; i++)
        {
            bytes.AddRange(lines[i].Content.Span);
            if (i < lines.Count - 1) bytes.AddRange(lines[i].Ending.Span);
        }
        return new LogLine(lines[0].File, lines[0].Number, bytes.ToArray(), lines[^1].Ending);
    }

    /// <summary>The columns a header line names; null for a line that names no data column beside a time or a direction.</summary>
    internal static Columns? Header(string line)
    {
        // Names hold no digits; a row does (its time): rows are not split in search of a header.
        if (line.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && !line.Contains("16进制", StringComparison.Ordinal)) return null;
        foreach (var separator in ",;\t")
        {
            if (!line.Contains(separator)) continue;
            var written = CsvFields.Split(line, separator);
            var names = written.Select(RowFields.Normal).ToList();
            var (time, direction, data) = (RowFields.Find(names, RowFields.Time), RowFields.Find(names, RowFields.Direction), RowFields.Find(names, RowFields.Data));
            if (data < 0 || time < 0 && direction < 0) continue;
            var channel = RowFields.Find(names, RowFields.Channel);
            return new Columns(separator, time, direction, data, names.Count, written[data], channel,
                RowFields.Find(names, RowFields.Date, time), RowFields.Find(names, RowNotations.Names, time, direction, data, channel), time >= 0 ? written[time] : null);
        }
        return null;
    }

    // A notation in a column the header does not name for it (`Display As`, `说明`): a cell that is a notation's word (not a letter alone).
    private static string? Unnamed(List<string> fields, Columns columns)
    {
        if (columns.Notation >= 0) return null;
        for (var i = 0; i < Math.Min(fields.Count, columns.Count); i++)
            if (i != columns.Time && i != columns.Direction && i != columns.Data && i != columns.Channel && i != columns.Date &&
                RowNotations.Of(fields[i], letters: false) != RowNotation.Unsaid) return fields[i];
        return null;
    }

    private static StructuredRow? Row(string line, Columns columns, RowTime times)
    {
        var fields = CsvFields.Split(line, columns.Separator);
        if (fields.Count <= columns.Data) return null;
        string? At(int column) => column >= 0 && column < fields.Count ? fields[column] : null;
        var data = fields[columns.Data];
        // The last column written unquoted by a tool that does not quote: its separators and quotes are the data's (`+CSQ: 20,99`).
        if (columns.Data == columns.Count - 1 && fields.Count > columns.Count && CsvFields.Start(line, columns.Separator, columns.Data) is var start and >= 0 &&
            (start == line.Length || line[start] != '"')) data = line[start..];
        // The notation in a column of its own, or beside the direction (`TX(HEX)`; `ASCII` in a `类型` column).
        var (notation, direction) = RowNotations.Of(At(columns.Direction), At(columns.Notation) ?? Unnamed(fields, columns));
        var (text, unended, notHex) = RowFields.Traffic(columns.DataName, data, notation);
        return new StructuredRow(times.Stamp(At(columns.Date), At(columns.Time)), direction, text, unended, notHex);
    }
}
