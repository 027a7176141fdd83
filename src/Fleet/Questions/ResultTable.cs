using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Conformance.Fleet.Questions;

/// <summary>A query's answer as text cells, for the console, HTML and CSV: numbers invariant, times ISO 8601, null empty.</summary>
public sealed partial record ResultTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Runs <paramref name="sql"/> and reads every row.</summary>
    public static ResultTable Query(DuckDBConnection connection, string title, string sql) => QueryAll(connection, sql)[0] with { Title = title };

    /// <summary>Runs every statement of <paramref name="sql"/> (<c>SELECT 1; SELECT 2</c>) and reads every row of each result, in order.</summary>
    public static IReadOnlyList<ResultTable> QueryAll(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var tables = new List<ResultTable>();
        do tables.Add(Read(reader, ""));
        while (reader.NextResult());
        return tables;
    }

    /// <summary>
    /// True when <paramref name="sql"/> holds no statement: only spaces, semicolons and comments (<c>-- …</c>,
    /// <c>/* … */</c>), which DuckDB answers with no words of its own.
    /// </summary>
    public static bool IsBlank(string sql) =>
        Comments().Replace(sql, " ").All(c => char.IsWhiteSpace(c) || c == ';');

    // A comment marker inside a string literal may cut a statement short here, never leave a statement blank.
    [GeneratedRegex(@"--[^\n]*|/\*.*?(?:\*/|$)", RegexOptions.Singleline)]
    private static partial Regex Comments();

    private static ResultTable Read(DuckDBDataReader reader, string title)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<IReadOnlyList<string>>();
        while (reader.Read())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Cell(reader.GetValue(i)))]);
        return new ResultTable(title, columns, rows);
    }

    private static string Cell(object value) => value switch
    {
        // As SQL writes them, not as .NET does (True).
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
