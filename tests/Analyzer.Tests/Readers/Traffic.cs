using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// What a user sees of records once formats are set aside: the non-empty lines each side sent, in order.
/// Consecutive records of one direction are joined first, so a line split across records counts once.
/// </summary>
internal static class Traffic
{
    public static List<(LogDirection Direction, string Line)> Lines(IEnumerable<LogRecord> records)
    {
        var lines = new List<(LogDirection, string)>();
        var run = new List<byte>();
        var direction = LogDirection.Unknown;
        foreach (var record in records)
        {
            if (record.Direction != direction) Flush();
            direction = record.Direction;
            run.AddRange(record.Data);
        }
        Flush();
        return lines;

        void Flush()
        {
            var text = System.Text.Encoding.UTF8.GetString([.. run]);
            foreach (var line in text.Split('\r', '\n'))
                if (line.Length > 0) lines.Add((direction, line));
            run.Clear();
        }
    }
}
