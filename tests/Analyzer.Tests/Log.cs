using System.Text;
using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests;

/// <summary>Builds a log as the readers deliver it: records with line numbers, optional times, either direction.</summary>
public sealed class Log
{
    private static readonly DateTimeOffset Start = new(2018, 9, 6, 10, 0, 0, TimeSpan.Zero);   // readers give wall-clock times with offset zero

    private readonly List<LogRecord> _records = [];
    private readonly bool _echo;
    private readonly int _split;
    private TimeSpan? _clock;
    private long _line = 1;

    /// <param name="timed">Whether records carry times.</param>
    /// <param name="echo">Whether the module echoes commands (ATE1).</param>
    /// <param name="split">Cut every answer into records of at most this many bytes (0: one record per answer).</param>
    public Log(bool timed = true, bool echo = false, int split = 0)
    {
        _clock = timed ? TimeSpan.Zero : null;
        _echo = echo;
        _split = split;
    }

    public IReadOnlyList<LogRecord> Records => _records;

    public Log Wait(int milliseconds)
    {
        _clock += TimeSpan.FromMilliseconds(milliseconds);
        return this;
    }

    /// <summary>The host sends <paramref name="command"/> (CR LF added), then after <paramref name="latency"/> ms the module answers.</summary>
    public Log Exchange(string command, string answer, int latency = 20) =>
        Send(command).Wait(latency).Receive(_echo ? command + "\r" + answer : answer);

    public Log Send(string command) => Add(LogDirection.ToModule, command + "\r\n");

    public Log Receive(string text)
    {
        if (_split <= 0) return Add(LogDirection.FromModule, text);
        for (var i = 0; i < text.Length; i += _split) Add(LogDirection.FromModule, text.Substring(i, Math.Min(_split, text.Length - i)));
        return this;
    }

    public Log Add(LogDirection direction, string text)
    {
        var time = _clock is { } clock ? Start + clock : (DateTimeOffset?)null;
        _records.Add(new LogRecord(_line, "session.log", time, _clock, direction, Encoding.UTF8.GetBytes(text)));
        _line += Math.Max(1, text.Count(c => c == '\n'));
        return this;
    }
}
