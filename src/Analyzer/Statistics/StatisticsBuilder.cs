using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Conformance.Analyzer.Diagnostics;

namespace Conformance.Analyzer.Statistics;

/// <summary>Accumulates statistics over every exchange and URC of a log, however long, in bounded memory.</summary>
public sealed class StatisticsBuilder
{
    private sealed class Row
    {
        public long Count, Ok, Errors, Timeouts;
        public readonly LatencyDistribution Latency = new();
    }

    /// <summary>
    /// How many distinct commands, and distinct URC names, get a row of their own; the rest share one row
    /// (<see cref="OtherCommands"/>, <see cref="OtherUrcs"/>). A real log has a few dozen; thousands are junk read
    /// as lines (a capture at the wrong baud rate), and a row each would grow memory and every report with the log.
    /// </summary>
    public const int MaxRows = 1_000;

    /// <summary>The row of the commands beyond <see cref="MaxRows"/>.</summary>
    public const string OtherCommands = "(other commands)";

    /// <summary>The row of the URC names beyond <see cref="MaxRows"/>.</summary>
    public const string OtherUrcs = "(other URCs)";

    // Sorted once in Build: a lookup per exchange or URC is then a hash, not a chain of string comparisons.
    private readonly Dictionary<string, Row> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _urcs = new(StringComparer.Ordinal);
    private double _uptimeMs;
    private bool _timed;

    /// <summary>How often a connection was lost without AT+MQTTDISC.</summary>
    public long Drops { get; set; }

    /// <summary>Counts one finished exchange; <paramref name="ok"/> null means no final result came.</summary>
    public void AddExchange(string command, bool? ok, double? latencyMs)
    {
        if (!_commands.TryGetValue(command, out var row))
        {
            if (_commands.Count >= MaxRows) command = OtherCommands;
            if (!_commands.TryGetValue(command, out row)) _commands[command] = row = new Row();
        }
        row.Count++;
        switch (ok)
        {
            case true: row.Ok++; break;
            case false: row.Errors++; break;
            default: row.Timeouts++; break;
        }
        if (latencyMs is { } ms) row.Latency.Add(ms);
    }

    public void AddUrc(string name)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(_urcs, name);
        if (Unsafe.IsNullRef(ref count)) count = ref CollectionsMarshal.GetValueRefOrAddDefault(_urcs, _urcs.Count >= MaxRows ? OtherUrcs : name, out _);
        count++;
    }

    /// <summary>Adds a stretch of time connected.</summary>
    public void AddUptime(TimeSpan connected)
    {
        _uptimeMs += connected.TotalMilliseconds;
        _timed = true;
    }

    /// <param name="diagnostics">How many diagnostics of each code the log raised.</param>
    public SessionStatistics Build(IReadOnlyList<DiagnosticCount> diagnostics) => new(
        [.. _commands.OrderBy(c => c.Key == OtherCommands).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new CommandStatistics(c.Key, c.Value.Count, c.Value.Ok, c.Value.Errors, c.Value.Timeouts,
            c.Value.Latency.Min, c.Value.Latency.Median, c.Value.Latency.P95, c.Value.Latency.Max))],
        [.. _urcs.OrderBy(u => u.Key == OtherUrcs).ThenBy(u => u.Key, StringComparer.Ordinal).Select(u => new UrcCount(u.Key, u.Value))],
        _timed ? _uptimeMs : null,
        Drops,
        diagnostics);
}
