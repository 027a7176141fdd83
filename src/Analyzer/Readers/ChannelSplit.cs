namespace Conformance.Analyzer.Readers;

/// <summary>
/// The lines of a log of several modules dealt out to a reader per channel, as they come (<see cref="LogSource.ReadChannels"/>,
/// <see cref="LiveLog.ReadChannels"/>): each channel's lines, in order, go to a reader of its own and its records into the
/// sink given for it; the lines before the first that names a channel (a CSV header, a banner) and a header met later go
/// to every channel.
/// </summary>
/// <remarks><c>appeared</c> is told each channel's name as it first comes (a live log's reader says so as it reads).</remarks>
internal sealed class ChannelSplit(LogChannels channels, LogFormat format, Func<string, IRecordSink> sinkFor, string? only, Action<string>? appeared = null)
{
    private readonly Dictionary<string, ChannelFeed?> feeds = new(StringComparer.Ordinal);
    private readonly List<string> names = [];
    private readonly List<LogLine> shared = [];
    private readonly LogChannels.Reading reading = channels.Read();

    /// <summary>Every channel named so far, in the order they came.</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>Hands <paramref name="line"/> to its channel's reader (with <c>only</c>, only that channel's are read).</summary>
    public void Feed(LogLine line)
    {
        var name = reading.Of(line.Text);
        if (name is null || reading.Shared)
        {
            shared.Add(line.Kept());
            foreach (var open in feeds.Values) open?.Add(line);
            return;
        }
        if (!feeds.TryGetValue(name, out var feed))
        {
            names.Add(name);
            appeared?.Invoke(name);
            feed = only is null || LogChannels.Names(name, only) ? new ChannelFeed(LogReaders.Create(format), sinkFor(name), shared) : null;
            feeds.Add(name, feed);
        }
        feed?.Add(line);
    }

    /// <summary>Says there are no more lines; call it also when the feeding failed.</summary>
    public void Complete()
    {
        foreach (var feed in feeds.Values) feed?.Complete();
    }

    /// <summary>Waits until every channel's records are lent; a failure of a reader is thrown here.</summary>
    public void Wait()
    {
        try
        {
            foreach (var feed in feeds.Values) feed?.Wait();
        }
        finally
        {
            foreach (var feed in feeds.Values) feed?.Dispose();
        }
    }
}
