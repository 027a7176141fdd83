using System.Threading.Channels;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Statistics;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Tracing;

namespace Conformance.Tap;

/// <summary>
/// A tap from start to end: opens both ports, relays (or, listen-only, just reads) their traffic, writes the trace
/// and feeds the analyzer's timeline with the same records, so the live view and a later <c>analyze</c> of the
/// trace agree. Ends on the stop token or when a port closes or fails, with everything written.
/// </summary>
public sealed class TapSession(TapOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Raised once both ports are open, with their names (a <c>pty</c> port's as <c>pty:/dev/pts/N</c>), before any byte moves.</summary>
    public event Action<string, string>? Opened;

    /// <summary>Opens the ports and taps until stopped; throws <see cref="Harness.Links.LinkException"/> when a port cannot be opened.</summary>
    /// <param name="sink">Receives the timeline as it is made (the live console view); may be null.</param>
    public async Task<TapResult> RunAsync(ITimelineSink? sink, CancellationToken stop)
    {
        await using var host = TapPort.Parse(options.Host);
        await using var module = TapPort.Parse(options.Module);
        var hostStream = await host.OpenAsync(stop);
        var moduleStream = await module.OpenAsync(stop);
        Opened?.Invoke(host.Name, module.Name);

        var secrets = new SecretMasker(show: options.ShowSecrets);
        var mode = options.ListenOnly ? "listen-only" : "forwarding";
        using var trace = new TraceRotation(options.Trace, options.RotateSize, $"tap host={host.Name} module={module.Name}", secrets, _time.GetUtcNow());
        trace.Event(_time.GetUtcNow(), $"tap started, {mode}: host {host.Name}, module {module.Name}");
        // The port's own bytes, as a trace records them: their line ends are the module's.
        var timeline = new TimelineBuilder(new AnalysisOptions { ShowSecrets = options.ShowSecrets, Sink = sink, Format = LogFormat.Trace });
        var forwarding = new LatencyDistribution();
        long toModule = 0, fromModule = 0;
        DateTimeOffset? first = null;

        var chunks = Channel.CreateUnbounded<TapChunk>(new UnboundedChannelOptions { SingleReader = true });
        var recording = Task.Run(async () =>
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(CancellationToken.None))
            {
                var toward = chunk.Direction == TraceDirection.ToModule;
                if (toward) toModule += chunk.Data.Length;
                else fromModule += chunk.Data.Length;
                first ??= chunk.Time;
                var direction = toward ? LogDirection.ToModule : LogDirection.FromModule;
                foreach (var (line, data) in trace.Write(chunk.Direction, chunk.Time, chunk.Data))
                    timeline.Add(new LogRecord(line, trace.Path, chunk.Time, chunk.Time - first, direction, data));
            }
        }, CancellationToken.None);

        // Each pump reports its own reads: the two may report at once.
        void Forwarded(TimeSpan delay)
        {
            lock (forwarding) forwarding.Add(delay.TotalMicroseconds);
        }
        var end = await Relay.RunAsync(hostStream, moduleStream, options.ListenOnly, chunks.Writer, Forwarded, _time, stop);
        await recording;
        trace.Event(_time.GetUtcNow(), $"tap ended: {end.Reason}");
        return new TapResult(end, timeline.Complete(), toModule, fromModule, forwarding, trace.Path, trace.Rotations, trace.WriteError);
    }
}
