using System.Globalization;
using CsvHelper;

namespace Conformance.Fleet.Questions;

/// <summary>Writes a result table as CSV with a header row (RFC 4180 quoting).</summary>
public static class ResultTableCsv
{
    public static void Write(ResultTable table, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in table.Columns) csv.WriteField(column);
        csv.NextRecord();
        foreach (var row in table.Rows)
        {
            foreach (var cell in row) csv.WriteField(cell);
            csv.NextRecord();
        }
    }
}
