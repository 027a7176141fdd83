using Conformance.Fleet.Storage;
using Conformance.Protocol.Secrets;
using DuckDB.NET.Data;

namespace Conformance.Fleet.Ingest;

/// <summary>
/// The keys of a run's logs in a database that holds logs already: a file ingested before keeps its key, so a
/// run again replaces its rows; a key another file has is not taken over, the log is keyed by its full path.
/// </summary>
internal static class StoredKeys
{
    /// <summary>
    /// <paramref name="logs"/> with the keys they take in the database of <paramref name="connection"/> (each key moved is
    /// said to <paramref name="warn"/>), and the keys the database holds already: their rows are the ones to replace.
    /// </summary>
    public static (IReadOnlyList<FleetLog> Logs, IReadOnlySet<string> Stored) Assign(DuckDBConnection connection, IReadOnlyList<FleetLog> logs,
        string database, bool showSecrets, Action<string> warn)
    {
        var byKey = new Dictionary<string, (string Identity, string File)>(StringComparer.Ordinal);
        var byIdentity = new Dictionary<string, string>(StringComparer.Ordinal);
        var devices = new Dictionary<string, string>(StringComparer.Ordinal);   // a device's key, and its log's file
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT log, files FROM {FleetTables.Logs}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                // A log's own file is its last, after its rotations; a device of a log of several is that log's.
                var file = reader.GetString(1).Split('\n')[^1];
                var key = LogKeys.OfLog(reader.GetString(0), file);
                var identity = LogKeys.StoredIdentity(key, file);
                byKey.TryAdd(key, (identity, file));
                byIdentity.TryAdd(identity, key);
                if (key != reader.GetString(0)) devices.TryAdd(reader.GetString(0), file);
            }
        }
        var stored = byKey.Keys.ToHashSet(StringComparer.Ordinal);
        if (byKey.Count == 0) return (logs, stored);
        string Shown(string text) => showSecrets ? text : SecretPolicy.Redact(text);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var keyed = new List<FleetLog>(logs.Count);
        foreach (var log in logs)
        {
            var path = log.Files[^1];
            var identity = LogKeys.Identity(path);
            // The same file, also found from another folder or glob base: the rows it has are the ones to replace.
            if (byIdentity.TryGetValue(identity, out var before) && taken.Add(before))
            {
                keyed.Add(log with { Key = before });
                continue;
            }
            var key = log.Key;
            var full = LogKeys.Of(path.Replace('\\', '/'), path);
            // Another file with this key (modem.log of another site): replacing its rows would lose that device silently.
            if (byKey.TryGetValue(key, out var other) && other.Identity != identity)
            {
                warn($"{key}: {database} holds this key for another file, {Shown(other.File)}; {Shown(path)} is keyed by its full path: {full}");
                key = full;
            }
            // A device's key (gw.log#modem1, of gw.log): taking it would mix the file's rows with the device's.
            else if (devices.TryGetValue(key, out var gateway))
            {
                warn($"{key}: {database} holds this key for a device of {Shown(gateway)}; {Shown(path)} is keyed by its full path: {full}");
                key = full;
            }
            keyed.Add(log with { Key = taken.Add(key) ? key : full });
        }
        return (keyed, stored);
    }
}
