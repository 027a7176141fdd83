using Conformance.Fleet.Storage;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Conformance.Fleet.Export;

/// <summary>
/// Writes every fleet table as Parquet, partitioned by the day of its log's first time:
/// <c>OUT/exchanges/day=2026-03-01/data_0.parquet</c>, so that Spark, Trino or DuckDB read <c>OUT/exchanges</c> as one dataset.
/// </summary>
public static partial class ParquetExport
{
    /// <summary>The folders the export writes under <c>OUT</c>, one per table.</summary>
    public static IEnumerable<string> Folders => FleetTables.All.Select(t => t.Name);

    /// <summary>
    /// The first file or folder in <paramref name="directory"/> that is not an export's own (a table folder of
    /// <c>day=…/data_N.parquet</c> files); null when there is none, or no such folder.
    /// </summary>
    /// <exception cref="IOException">A folder in it cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">A folder in it may not be listed.</exception>
    public static string? Foreign(string directory)
    {
        if (File.Exists(directory)) return directory;
        if (!Directory.Exists(directory)) return null;
        var tables = Folders.ToHashSet(StringComparer.Ordinal);
        foreach (var table in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (!tables.Contains(table.Name) || !IsFolder(table)) return table.FullName;
            foreach (var day in new DirectoryInfo(table.FullName).EnumerateFileSystemInfos())
            {
                if (!day.Name.StartsWith("day=", StringComparison.Ordinal) || !IsFolder(day)) return day.FullName;
                foreach (var file in new DirectoryInfo(day.FullName).EnumerateFileSystemInfos())
                    if (!IsDataFile(file)) return file.FullName;
            }
        }
        return null;
    }

    /// <summary>Whether <paramref name="directory"/> holds an export and nothing else: a walk for logs leaves it out.</summary>
    public static bool IsExport(string directory)
    {
        try
        {
            return Directory.Exists(Path.Combine(directory, FleetTables.Logs)) && Foreign(directory) is null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;   // the walk lists it and says what is wrong
        }
    }

    /// <summary>
    /// Writes the tables of <paramref name="connection"/> into <paramref name="directory"/>, replacing the table
    /// folders there; refuses (before deleting anything) when it holds a file of someone else's.
    /// </summary>
    /// <exception cref="IOException">The folder holds what the export did not write, or cannot be written.</exception>
    public static void Write(DuckDBConnection connection, string directory)
    {
        // Only files this export wrote are ever deleted: logs kept in a folder named like a table stay.
        if (Foreign(directory) is { } foreign)
            throw new IOException($"{foreign} was not written by conformance: nothing is replaced; name an empty or new folder");
        Directory.CreateDirectory(directory);
        foreach (var (table, _) in FleetTables.All)
        {
            var folder = Path.Combine(Path.GetFullPath(directory), table);
            if (Directory.Exists(folder)) Remove(folder);
            // Item tables get their log's day; logs has it already.
            var rows = table == FleetTables.Logs
                ? $"SELECT * FROM {table} ORDER BY log"
                : $"SELECT t.*, l.day FROM {table} t JOIN {FleetTables.Logs} l USING (log) ORDER BY t.log, t.line";
            if (IsEmpty(connection, table))
            {
                // No rows: one empty file keeps the table's columns for the engines that read it.
                Directory.CreateDirectory(Path.Combine(folder, $"day={FleetTables.Undated}"));
                FleetDatabase.Execute(connection,
                    $"COPY (SELECT * EXCLUDE (day) FROM ({rows})) TO {FleetDatabase.Literal(Path.Combine(folder, $"day={FleetTables.Undated}", "data_0.parquet"))} (FORMAT parquet)");
                continue;
            }
            FleetDatabase.Execute(connection, $"COPY ({rows}) TO {FleetDatabase.Literal(folder)} (FORMAT parquet, PARTITION_BY (day))");
        }
    }

    // What Foreign let through, and nothing else: a folder that is not empty then (written meanwhile) stays, with an error.
    private static void Remove(string table)
    {
        foreach (var day in Directory.EnumerateDirectories(table))
        {
            foreach (var file in Directory.EnumerateFiles(day)) File.Delete(file);
            Directory.Delete(day);
        }
        Directory.Delete(table);
    }

    private static bool IsFolder(FileSystemInfo entry) => entry is DirectoryInfo && (entry.Attributes & FileAttributes.ReparsePoint) == 0;

    // data_0.parquet as DuckDB names it, a regular file (no link, no FIFO) starting with Parquet's magic bytes.
    private static bool IsDataFile(FileSystemInfo entry)
    {
        if (entry is not FileInfo || (entry.Attributes & FileAttributes.ReparsePoint) != 0 || !DataFileName().IsMatch(entry.Name)) return false;
        if (Ingest.FileKind.NotRegular(entry.FullName) is not null) return false;
        Span<byte> magic = stackalloc byte[4];
        using var stream = new FileStream(entry.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PAR1"u8);
    }

    [GeneratedRegex(@"^data_[0-9]+\.parquet$", RegexOptions.CultureInvariant)]
    private static partial Regex DataFileName();

    private static bool IsEmpty(DuckDBConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT NOT EXISTS (SELECT 1 FROM {table})";
        return command.ExecuteScalar() is true;
    }
}
