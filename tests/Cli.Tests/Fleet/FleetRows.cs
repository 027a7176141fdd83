namespace Conformance.Cli.Tests.Fleet;

/// <summary>Rows a fleet run wrote, read back with DuckDB from its database or its Parquet files.</summary>
internal static class FleetRows
{
    /// <summary>Each row as one comma-joined line (a null as nothing).</summary>
    public static List<string> Of(string sql, string database)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(string.Join(',', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}
