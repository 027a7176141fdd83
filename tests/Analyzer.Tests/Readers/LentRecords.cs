using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>Keeps a copy of every record lent to it.</summary>
internal sealed class Collected : IRecordSink
{
    public List<LogRecord> Records { get; } = [];

    public void Add(in RecordView record) => Records.Add(record.ToRecord());
}

/// <summary>Counts the records lent to it, keeping nothing.</summary>
internal sealed class Counted : IRecordSink
{
    public long Records { get; private set; }

    public void Add(in RecordView record) => Records++;
}
