using Conformance.Harness.Tracing;

namespace Conformance.Harness.Links;

/// <summary><c>replay:FILE</c>: a recorded trace plays the module; the suite's commands must match the recorded ones.</summary>
public sealed class ReplayLink(string path, LinkSettings settings) : ILink
{
    private ReplayStream? _stream;

    public string Target => $"replay:{path}";

    /// <summary>Whatever the recording had: a replay reproduces it, so nothing needs to be skipped for its sake.</summary>
    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>
    {
        Links.Capabilities.Network, Links.Capabilities.BrokerControl, Links.Capabilities.BrokerView,
    };

    public Task<Stream> OpenAsync(CancellationToken cancel)
    {
        TraceFile trace;
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
        _stream = new ReplayStream(trace, path, settings);
        return Task.FromResult<Stream>(_stream);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null) await _stream.DisposeAsync();
    }
}
