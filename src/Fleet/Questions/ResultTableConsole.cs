using Conformance.Analyzer.Reports;
using Conformance.Protocol.Display;
using Spectre.Console;

namespace Conformance.Fleet.Questions;

/// <summary>
/// Prints result tables as console tables. Cells hold the log's own text (a firmware name, an answer): control
/// characters are shown as escapes (<c>\x1b</c>), as <c>analyze</c> shows them, so a log cannot clear the screen
/// or retitle the window; CSV and HTML keep the text as it is.
/// </summary>
public static class ResultTableConsole
{
    /// <summary>
    /// Writes <paramref name="table"/>, its first <see cref="AnalysisConsoleReport.MaxRows"/> rows as <c>analyze</c> shows
    /// its tables (a table is laid out whole in memory), then how many more and <paramref name="allRows"/>: where they are.
    /// </summary>
    public static void Write(ResultTable table, IAnsiConsole console, string allRows = "--csv prints them all")
    {
        var grid = new Table().Border(TableBorder.Rounded);
        if (table.Title.Length > 0) grid.Title(Markup.Escape(PrintableText.EscapeLines(table.Title)));
        foreach (var column in table.Columns) grid.AddColumn(Markup.Escape(PrintableText.EscapeLines(column)));
        foreach (var row in table.Rows.Take(AnalysisConsoleReport.MaxRows)) grid.AddRow([.. row.Select(cell => new Text(PrintableText.EscapeLines(cell)))]);
        // An empty answer still shows what was asked: its title and columns.
        console.Write(grid);
        if (table.Rows.Count == 0) console.WriteLine("(no rows)");
        if (table.Rows.Count > AnalysisConsoleReport.MaxRows)
            console.WriteLine($"… {table.Rows.Count - AnalysisConsoleReport.MaxRows} more rows not shown; {allRows} ({table.Rows.Count})");
    }
}
