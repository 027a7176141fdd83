using Conformance.Analyzer.Diagnostics;
using Conformance.Fleet.Storage;

namespace Conformance.Fleet.Questions;

/// <summary>
/// The questions a support team asks of a fleet, as DuckDB SQL over the fleet tables (docs/fleet.md gives the
/// same in Spark SQL over the Parquet output).
/// </summary>
public static class StandardQuestions
{
    /// <summary>Rows each question shows at most.</summary>
    public const int Limit = 20;

    // A device is its IMEI when the log answered AT+CGSN, else the log itself.
    private const string Device = "coalesce(l.device, l.log)";

    public static IReadOnlyList<(string Title, string Sql)> All { get; } =
    [
        ("Top diagnostics", $"""
            SELECT code, severity, count(*) AS diagnostics, count(DISTINCT log) AS logs
            FROM {FleetTables.Diagnostics} GROUP BY code, severity ORDER BY diagnostics DESC, code LIMIT {Limit}
            """),
        ("Latency per command and firmware (ms)", $"""
            SELECT e.name AS command, coalesce(l.firmware, '(unknown)') AS firmware, count(*) AS answers,
                   round(quantile_cont(e.latency_ms, 0.5), 1) AS p50, round(quantile_cont(e.latency_ms, 0.95), 1) AS p95, round(quantile_cont(e.latency_ms, 0.99), 1) AS p99
            FROM {FleetTables.Exchanges} e JOIN {FleetTables.Logs} l USING (log)
            WHERE e.latency_ms IS NOT NULL
            GROUP BY e.name, l.firmware ORDER BY p95 DESC, command, firmware LIMIT {Limit}
            """),
        ("Reconnection storms per device", $"""
            WITH storms AS (
                SELECT log, count(*) AS storms FROM {FleetTables.Diagnostics}
                WHERE code = '{DiagnosticCodes.ReconnectionStorm.Code}' GROUP BY log)
            SELECT {Device} AS device, count(*) AS logs, sum(coalesce(s.storms, 0)) AS storms, sum(l.reconnects) AS reconnections
            FROM {FleetTables.Logs} l LEFT JOIN storms s USING (log)
            WHERE l.reconnects > 0
            GROUP BY {Device} ORDER BY storms DESC, reconnections DESC, device LIMIT {Limit}
            """),
        ("Error codes over time", $"""
            SELECT l.day, e.outcome AS error, count(*) AS answers, count(DISTINCT e.log) AS logs
            FROM {FleetTables.Exchanges} e JOIN {FleetTables.Logs} l USING (log)
            WHERE e.outcome IS NOT NULL AND e.outcome <> 'OK'
            GROUP BY l.day, e.outcome ORDER BY l.day, answers DESC, error LIMIT {Limit}
            """),
        // An error row holds its cause without the path, so each cause is one group.
        ("Logs that could not be read", $"""
            SELECT error AS cause, count(*) AS logs, min(log) AS example
            FROM {FleetTables.Logs} WHERE error IS NOT NULL
            GROUP BY error ORDER BY logs DESC, cause LIMIT {Limit}
            """),
    ];
}
