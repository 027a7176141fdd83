namespace Conformance.Fleet.Storage;

/// <summary>
/// The tables of a fleet database and of the Parquet output, with their column types: the one place they are
/// defined (docs/fleet.md lists the same columns). Every table has the <c>log</c> key of <c>logs</c>.
/// </summary>
public static class FleetTables
{
    public const string Logs = "logs";
    public const string Exchanges = "exchanges";
    public const string Urcs = "urcs";
    public const string Diagnostics = "diagnostics";
    public const string Sessions = "sessions";
    public const string Reconnections = "reconnections";
    public const string DataPoints = "data_points";

    /// <summary>The partition of a log without a date in it (Parquet's <c>day=undated</c>).</summary>
    public const string Undated = "undated";

    /// <summary>The columns added to a table after its first version, each also last in <see cref="All"/>, oldest first.</summary>
    public static IReadOnlyList<(string Table, string Column)> AddedColumns { get; } = [(Exchanges, "outcome VARCHAR")];

    /// <summary>Each table with its columns in appender order.</summary>
    public static IReadOnlyList<(string Name, string Columns)> All { get; } =
    [
        (Logs, """
            log VARCHAR NOT NULL, files VARCHAR NOT NULL, format VARCHAR, size_bytes BIGINT NOT NULL,
            device VARCHAR, firmware VARCHAR, first_time TIMESTAMP, last_time TIMESTAMP,
            commands BIGINT, ok BIGINT, errors BIGINT, unanswered BIGINT, urcs BIGINT, reconnects BIGINT, diagnostics BIGINT,
            error VARCHAR, day VARCHAR NOT NULL
            """),
        (Exchanges, """
            log VARCHAR NOT NULL, line BIGINT NOT NULL, time TIMESTAMP, command VARCHAR NOT NULL, name VARCHAR NOT NULL,
            final VARCHAR, latency_ms DOUBLE, information VARCHAR, outcome VARCHAR
            """),
        (Urcs, """
            log VARCHAR NOT NULL, line BIGINT NOT NULL, time TIMESTAMP, name VARCHAR NOT NULL, text VARCHAR NOT NULL,
            command_line BIGINT, packet_id INTEGER
            """),
        (Diagnostics, """
            log VARCHAR NOT NULL, line BIGINT NOT NULL, code VARCHAR NOT NULL, severity VARCHAR NOT NULL, message VARCHAR NOT NULL
            """),
        (Sessions, """
            log VARCHAR NOT NULL, line BIGINT NOT NULL, time TIMESTAMP, from_state VARCHAR, to_state VARCHAR NOT NULL, cause VARCHAR NOT NULL
            """),
        (Reconnections, """
            log VARCHAR NOT NULL, line BIGINT NOT NULL, time TIMESTAMP, end_line BIGINT NOT NULL, timeouts INTEGER NOT NULL,
            attempts INTEGER NOT NULL, outcome VARCHAR NOT NULL, duration_ms DOUBLE
            """),
        (DataPoints, """
            log VARCHAR NOT NULL, line BIGINT NOT NULL, time TIMESTAMP, type VARCHAR NOT NULL, stream VARCHAR NOT NULL,
            point_time TIMESTAMP, number DOUBLE, text VARCHAR
            """),
    ];

    /// <summary>The tables filled from a log's timeline, each with its <c>log</c> column: all but <c>logs</c>.</summary>
    public static IEnumerable<string> Items => All.Select(t => t.Name).Where(name => name != Logs);
}
