using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// One channel of a log of several modules read as a log of its own (<see cref="LogSource.ReadChannels"/>): its lines
/// are handed over one at a time, its reader pulls them on a thread of its own and lends its records to the channel's sink.
/// </summary>
internal sealed class ChannelFeed : IDisposable
{
    // Lines handed over and not read yet: the log is read ahead of the slowest channel by this many at most.
    private const int Ahead = 4096;

    private readonly BlockingCollection<LogLine> lines = new(Ahead);
    private readonly Task reading;
    private ExceptionDispatchInfo? failure;

    /// <param name="before">Lines every channel reads first (a CSV header, the lines before the first channel named).</param>
    public ChannelFeed(LogReader reader, IRecordSink sink, IReadOnlyList<LogLine> before)
    {
        reading = Task.Factory.StartNew(() => Read(reader, sink), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        foreach (var line in before) lines.Add(line);
    }

    /// <summary>Hands over the next line of the channel (copied: the splitter reuses its buffer).</summary>
    public void Add(LogLine line) => lines.Add(line.Kept());

    /// <summary>Says there are no more lines.</summary>
    public void Complete() => lines.CompleteAdding();

    /// <summary>Waits until the channel's records are all lent; a failure of its reader is thrown here.</summary>
    public void Wait()
    {
        reading.Wait();
        failure?.Throw();
    }

    public void Dispose() => lines.Dispose();

    private void Read(LogReader reader, IRecordSink sink)
    {
        try
        {
            LogSource.Lend(reader, sink, (_, _) => false, own => own.Read(lines.GetConsumingEnumerable()));
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
            // The lines still coming are taken and dropped, so the log's reading never waits on this channel.
            foreach (var _ in lines.GetConsumingEnumerable()) { }
        }
    }
}
