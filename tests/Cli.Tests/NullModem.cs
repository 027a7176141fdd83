using Conformance.Emulator.Endpoints;

namespace Conformance.Cli.Tests;

/// <summary>
/// A null-modem cable made of two of the project's pseudo-terminals: what a program writes to <see cref="A"/> is
/// read from <see cref="B"/> and back, as between two USB-serial adapters wired TX to RX.
/// </summary>
internal sealed class NullModem : IAsyncDisposable
{
    private readonly PtyStream _a = PtyStream.Open(), _b = PtyStream.Open();
    private readonly Task _aToB, _bToA;

    public NullModem()
    {
        _aToB = _a.CopyToAsync(_b);
        _bToA = _b.CopyToAsync(_a);
    }

    /// <summary>One end's device, e.g. <c>/dev/pts/7</c>.</summary>
    public string A => _a.Path;

    /// <summary>The other end's device.</summary>
    public string B => _b.Path;

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await Task.WhenAll(_aToB, _bToA);
    }
}
