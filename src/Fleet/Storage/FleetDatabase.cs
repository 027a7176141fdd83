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
    public static void CreateTables(DuckDBConnection connection)
    {
        foreach (var (name, columns) in FleetTables.All) Execute(connection, $"CREATE TABLE IF NOT EXISTS {name} ({columns})");
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
