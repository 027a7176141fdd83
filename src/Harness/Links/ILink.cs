namespace Conformance.Harness.Links;

/// <summary>A way to reach a module: opens the byte stream the session speaks AT commands over.</summary>
public interface ILink : IAsyncDisposable
{
    /// <summary>The target as the user wrote it, normalised: <c>serial:/dev/ttyUSB0,9600</c>.</summary>
    string Target { get; }

    /// <summary>What the target can do beyond AT commands (see <see cref="Capabilities"/>); scenarios needing more are skipped.</summary>
    IReadOnlySet<string> Capabilities { get; }

    /// <summary>Opens the link. Throws <see cref="LinkException"/> with a message for the user when it cannot.</summary>
    Task<Stream> OpenAsync(CancellationToken cancel);
}
