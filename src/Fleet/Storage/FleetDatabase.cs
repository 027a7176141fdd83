using DuckDB.NET.Data;

namespace Conformance.Fleet.Storage;

/// <summary>Opens a fleet database file (DuckDB) and makes sure its tables exist.</summary>
public static class FleetDatabase
{
    /// <summary>A connection to <paramref name="path"/>; connections to one file open at once share one database.</summary>
    public static DuckDBConnection Open(string path, bool readOnly = false)
    {
        // The builder quotes the path as ADO.NET connection strings need: a ';' or '=' in it (a folder name, TMPDIR) stays part of the path.
        var builder = new DuckDBConnectionStringBuilder { DataSource = path };
        if (readOnly) builder["ACCESS_MODE"] = "READ_ONLY";
        var connection = new DuckDBConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Creates the tables that do not exist yet.</summary>
    /// <exception cref="InvalidDataException">The file is a DuckDB database of something else: its tables are left as they are.</exception>
    public static void CreateTables(DuckDBConnection connection)
    {
        // Another application's database named by mistake gets no fleet tables added to it.
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        if (tables.Count > 0 && !tables.Contains(FleetTables.Logs))
            throw new InvalidDataException($"is a DuckDB database of something else (tables {string.Join(", ", tables.Take(5))}{(tables.Count > 5 ? ", …" : "")}), " +
                "not a fleet database: name a new file or one 'conformance fleet --db' wrote");
        foreach (var (name, columns) in FleetTables.All) Execute(connection, $"CREATE TABLE IF NOT EXISTS {name} ({columns})");
        // A database an earlier version wrote gets the columns added since, at the end, where the appenders write them.
        foreach (var (name, column) in FleetTables.AddedColumns) Execute(connection, $"ALTER TABLE {name} ADD COLUMN IF NOT EXISTS {column}");
    }

    /// <summary>Runs a statement without a result.</summary>
    public static void Execute(DuckDBConnection connection, string sql, params object[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters) command.Parameters.Add(new DuckDBParameter(value));
        command.ExecuteNonQuery();
    }

    /// <summary>A SQL string literal of <paramref name="text"/> (for statements that take no parameters, such as COPY).</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
