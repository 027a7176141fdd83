using System.Text;
using Conformance.Analyzer.Readers;
using Conformance.Protocol.Events;
using Conformance.Protocol.Framing;

namespace Conformance.Benchmarks.Workloads;

/// <summary>
/// The analyzer's first stages alone, to show where its time goes: reading the log (stamps, directions, each line lent
/// to a sink that keeps nothing), and reading the module's lines into events as well (the host's lines told to the
/// event reader as commands), without the timeline that consumes them.
/// </summary>
public static class AnalyzerStages
{
    /// <summary>Reads the log's records; returns their bytes.</summary>
    public static long Read(string file)
    {
        var sink = new Counting();
        LogSource.Open(file).Read(sink);
        return sink.Bytes;
    }

    /// <summary>Reads the log's records and the module's output into events; returns the events.</summary>
    public static long Events(string file)
    {
        var sink = new EventsOnly();
        LogSource.Open(file).Read(sink);
        return sink.Events;
    }

    private sealed class Counting : IRecordSink
    {
        public long Bytes;

        public void Add(in RecordView record) => Bytes += record.Data.Length;
    }

    private sealed class EventsOnly : IRecordSink
    {
        private readonly AtEventReader _reader = new(new AtTokenizerOptions { CommandsKnown = true }) { LendsEvents = true };
        public long Events;

        public void Add(in RecordView record)
        {
            if (record.Direction == LogDirection.ToModule)
            {
                var line = Encoding.UTF8.GetString(record.Data).TrimEnd('\r', '\n');
                if (line.Length > 0) _reader.CommandSent(line);
                return;
            }
            var input = record.Data;
            while (_reader.TryRead(ref input, out _)) Events++;
        }
    }
}
