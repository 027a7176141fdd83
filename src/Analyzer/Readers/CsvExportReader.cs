namespace Conformance.Analyzer.Readers;

/// <summary>
/// A serial tool's or a spreadsheet's CSV export of the port's lines (format <c>csv</c>): a header naming the columns
/// (<c>time,direction,data</c>; also <c>Timestamp;Dir;Message</c>, separated by commas, semicolons or tabs), then a
/// row a line, a field in double quotes where it holds the separator or quotes (<c>"AT+MQTTSUB=""$creq/#"",1"</c>). The
/// time, direction and data columns are found by their names (<see cref="TimeColumns"/>, <see cref="DirectionColumns"/>,
/// <see cref="DataColumns"/>) and read as a logger's line (<see cref="StructuredRow"/>). A logic analyzer's export of
/// single bytes is <see cref="LogicCsvReader"/>'s.
/// </summary>
internal sealed class CsvExportReader : LogReader
{
    private static readonly string[] TimeColumns = ["time", "timestamp", "date", "datetime", "time [s]", "time(s)"];
    private static readonly string[] DirectionColumns = ["direction", "dir", "tx/rx"];
    private static readonly string[] DataColumns = ["data", "message", "text", "content", "payload", "ascii", "msg", "line"];

    private Columns? columns;

    public override LogFormat Format => LogFormat.CsvExport;

    public override bool EndsLines => true;

    /// <summary>Where the time, direction and data are, by the separator the header uses.</summary>
    private sealed record Columns(char Separator, int Time, int Direction, int Data);

    public override double Score(IReadOnlyList<string> sample)
    {
        columns = null;
        return base.Score(sample);
    }

    // The header, then rows of its shape; a header read here sets the columns of the rows after it.
    protected override LineEvidence Classify(string line)
    {
        if (Header(line) is { } header)
        {
            columns = header;
            return LineEvidence.Match;
        }
        return columns is not null && Row(line, columns) is { IsTraffic: true } ? LineEvidence.Match : LineEvidence.Neutral;
    }

    public override IEnumerable<LogRecord> Read(IEnumerable<LogLine> lines)
    {
        Columns? read = null;
        return StructuredRow.Read(lines, line =>
        {
            if (Header(line.Text) is { } header) read = header;
            else if (read is not null) return Row(line.Text, read);
            return null;
        });
    }

    /// <summary>The columns a header line names; null for a line that names no data column beside a time or a direction.</summary>
    private static Columns? Header(string line)
    {
        // Names hold no digits; a row does (its time): rows are not split in search of a header.
        if (line.AsSpan().IndexOfAnyInRange('0', '9') >= 0) return null;
        foreach (var separator in ",;\t")
        {
            if (!line.Contains(separator)) continue;
            var names = Fields(line, separator).Select(name => name.Trim().ToLowerInvariant()).ToList();
            var (time, direction, data) = (Find(names, TimeColumns), Find(names, DirectionColumns), Find(names, DataColumns));
            if (data >= 0 && (time >= 0 || direction >= 0)) return new Columns(separator, time, direction, data);
        }
        return null;
    }

    private static int Find(List<string> names, string[] wanted)
    {
        foreach (var name in wanted)
            if (names.IndexOf(name) is var at and >= 0) return at;
        return -1;
    }

    private static StructuredRow? Row(string line, Columns columns)
    {
        var fields = Fields(line, columns.Separator);
        if (fields.Count <= columns.Data) return null;
        string? At(int column) => column >= 0 && column < fields.Count ? fields[column] : null;
        return new StructuredRow(At(columns.Time), At(columns.Direction), fields[columns.Data]);
    }

    /// <summary>The fields of a CSV line: a quoted field may hold the separator, and two quotes stand for one.</summary>
    private static List<string> Fields(string line, char separator)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
