namespace Conformance.Analyzer.Readers;

/// <summary>
/// Keeps a copy of each record lent to it, for a reader that lends records in place and also hands them out to keep
/// (<see cref="LogReader.Read(IEnumerable{LineSplitter})"/>): it yields <see cref="Records"/> after each line, then clears them.
/// </summary>
internal sealed class KeptRecords : IRecordSink
{
    public List<LogRecord> Records { get; } = [];

    public void Add(in RecordView record) => Records.Add(record.ToRecord());
}
