using Spectre.Console;

namespace Conformance.Fleet.Questions;

/// <summary>Prints result tables as console tables.</summary>
public static class ResultTableConsole
{
    public static void Write(ResultTable table, IAnsiConsole console)
    {
        var grid = new Table().Border(TableBorder.Rounded);
        if (table.Title.Length > 0) grid.Title(Markup.Escape(table.Title));
        foreach (var column in table.Columns) grid.AddColumn(Markup.Escape(column));
        foreach (var row in table.Rows) grid.AddRow([.. row.Select(cell => new Text(cell))]);
        // An empty answer still shows what was asked: its title and columns.
        console.Write(grid);
        if (table.Rows.Count == 0) console.WriteLine("(no rows)");
    }
}
