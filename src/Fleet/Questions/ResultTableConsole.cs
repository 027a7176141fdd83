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
    public static void Write(ResultTable table, IAnsiConsole console)
    {
        var grid = new Table().Border(TableBorder.Rounded);
        if (table.Title.Length > 0) grid.Title(Markup.Escape(PrintableText.EscapeLines(table.Title)));
        foreach (var column in table.Columns) grid.AddColumn(Markup.Escape(PrintableText.EscapeLines(column)));
        foreach (var row in table.Rows) grid.AddRow([.. row.Select(cell => new Text(PrintableText.EscapeLines(cell)))]);
        // An empty answer still shows what was asked: its title and columns.
        console.Write(grid);
        if (table.Rows.Count == 0) console.WriteLine("(no rows)");
    }
}
