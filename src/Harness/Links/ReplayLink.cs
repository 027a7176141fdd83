using Conformance.Harness.Timing;
using Conformance.Harness.Tracing;

namespace Conformance.Harness.Links;

/// <summary><c>replay:FILE</c>: a recorded trace plays the module; the suite's commands must match the recorded ones.</summary>
public sealed class ReplayLink(string path, LinkSettings settings) : ILink
{
    private ReplayStream? _stream;

    public string Target => $"replay:{path}";

    private static readonly HashSet<string> Everything =
        [Links.Capabilities.Network, Links.Capabilities.BrokerControl, Links.Capabilities.BrokerView];

    /// <summary>
    /// What the recorded target had (known once opened): a replay reproduces it, and skips what the recording skipped.
    /// </summary>
    public IReadOnlySet<string> Capabilities { get; private set; } = Everything;

    public Task<Stream> OpenAsync(CancellationToken cancel)
    {
        TraceFile trace;
        // Opening a folder fails as "access denied", which sends the user looking at permissions.
        if (Directory.Exists(path)) throw new LinkException($"cannot read trace {path}: it is a folder; name the trace file in it (run.trace)");
        try
        {
            using var reader = File.OpenText(path);
            trace = TraceFile.Read(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LinkException($"cannot read trace {path}: {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new LinkException(e.Message, e);
        }
        // Only the emulator offers broker control and the platform view; other recordings could not have used them.
        if (trace.Header.TryGetValue("target", out var recorded) && !recorded.StartsWith("emulator", StringComparison.Ordinal))
            Capabilities = new HashSet<string> { Links.Capabilities.Network };
        if (settings.Time is not VirtualClock clock)
        {
            _stream = new ReplayStream(trace, path, settings, null);
            return Task.FromResult<Stream>(_stream);
        }
        // On a virtual clock the recorded gaps cost nothing: the trace plays on its own time.
        return Task.FromResult<Stream>(new ClockedStream(clock, produced => _stream = new ReplayStream(trace, path, settings, produced)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null) await _stream.DisposeAsync();
    }
}
