using Conformance.Protocol.Responses;
using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Timeline;
using Conformance.Fleet.Storage;
using Conformance.Protocol.Secrets;
using DuckDB.NET.Data;

namespace Conformance.Fleet.Ingest;

/// <summary>
/// Streams one log's timeline into the fleet tables as it is made: one appender per table, so a worker holds
/// a chunk of rows, never the whole log.
/// </summary>
internal sealed class TableSink : ITimelineSink, IDisposable
{
    private readonly bool showSecrets;
    private readonly SecretMasker secrets;
    private readonly DuckDBAppender logs, exchanges, urcs, diagnostics, sessions, reconnections, dataPoints;
    private string log = "";

    /// <summary>Opens an appender per table; one sink serves the logs of a transaction in turn (<see cref="Begin"/>).</summary>
    public TableSink(DuckDBConnection connection, bool showSecrets)
    {
        this.showSecrets = showSecrets;
        // The timeline masks what it makes; data point streams and values come from payloads and are masked here.
        secrets = new SecretMasker(show: showSecrets);
        logs = connection.CreateAppender(FleetTables.Logs);
        exchanges = connection.CreateAppender(FleetTables.Exchanges);
        urcs = connection.CreateAppender(FleetTables.Urcs);
        diagnostics = connection.CreateAppender(FleetTables.Diagnostics);
        sessions = connection.CreateAppender(FleetTables.Sessions);
        reconnections = connection.CreateAppender(FleetTables.Reconnections);
        dataPoints = connection.CreateAppender(FleetTables.DataPoints);
    }

    /// <summary>The rows from now on are the log <paramref name="key"/>'s.</summary>
    public TableSink Begin(string key)
    {
        log = key;
        Identity = new DeviceIdentity();
        return this;
    }

    public DeviceIdentity Identity { get; private set; } = new();

    /// <summary>The log's row of <c>logs</c>.</summary>
    public void Log(LogRow row) => LogsTable.Append(logs, row, showSecrets);

    public void Exchange(Exchange exchange)
    {
        Identity.Read(exchange);
        exchanges.CreateRow().AppendValue(log).AppendValue(exchange.Line).AppendValue(Time(exchange.Time))
            .AppendValue(exchange.Command).AppendValue(CommandName(exchange.Command)).AppendValue(exchange.Final)
            .AppendValue(exchange.LatencyMs).AppendValue(exchange.Information.Count == 0 ? null : string.Join('\n', exchange.Information))
            .AppendValue(exchange.Final is { } final ? FinalResult.OutcomeOf(final) : null)
            .EndRow();
    }

    public void Urc(UrcEvent urc) =>
        urcs.CreateRow().AppendValue(log).AppendValue(urc.Line).AppendValue(Time(urc.Time)).AppendValue(urc.Name).AppendValue(urc.Text)
            .AppendValue(urc.CommandLine).AppendValue(urc.PacketId).EndRow();

    public void Diagnostic(Diagnostic diagnostic) =>
        diagnostics.CreateRow().AppendValue(log).AppendValue(diagnostic.Line).AppendValue(diagnostic.Code)
            .AppendValue(diagnostic.Severity.ToString().ToLowerInvariant()).AppendValue(diagnostic.Message).EndRow();

    public void StateChange(StateChange change) =>
        sessions.CreateRow().AppendValue(log).AppendValue(change.Line).AppendValue(Time(change.Time)).AppendValue(change.From?.ToString())
            .AppendValue(change.To.ToString()).AppendValue(change.Cause).EndRow();

    public void Reconnection(Reconnection reconnection) =>
        reconnections.CreateRow().AppendValue(log).AppendValue(reconnection.Line).AppendValue(Time(reconnection.Time))
            .AppendValue(reconnection.EndLine).AppendValue(reconnection.Timeouts).AppendValue(reconnection.Attempts)
            .AppendValue(reconnection.Outcome.ToString()).AppendValue(reconnection.DurationMs).EndRow();

    public void DataPoints(PublishedDataPoints points)
    {
        var time = Time(points.Time);
        foreach (var point in points.Points)
        {
            dataPoints.CreateRow().AppendValue(log).AppendValue(points.Line).AppendValue(time).AppendValue(points.Type.ToString())
                .AppendValue(secrets.Mask(point.DatastreamId)).AppendValue(point.At).AppendValue(point.Value.Number)
                .AppendValue(point.Value.Text is { } text ? secrets.Mask(text) : null).EndRow();
        }
    }

    /// <summary>Flushes every appender: the rows are in the tables.</summary>
    public void Dispose()
    {
        foreach (var appender in new[] { logs, exchanges, urcs, diagnostics, sessions, reconnections, dataPoints }) appender.Dispose();
    }

    // The time as written in the log, without a zone.
    private static DateTime? Time(DateTimeOffset? time) => time?.DateTime;

    // AT+MQTTOPEN=1,… is grouped as AT+MQTTOPEN: the name with AT, without its form or arguments.
    private static string CommandName(string command) =>
        Conformance.Protocol.Syntax.CommandLine.Parse(command) is { } parsed ? "AT" + parsed.Name : command.Trim().ToUpperInvariant();
}
