using Conformance.Emulator.Endpoints;
using Conformance.Emulator.Modem;

namespace Conformance.Tap.Tests;

/// <summary>
/// A host's serial line to a virtual module with a Y-cable on it: every byte the host sends also goes out on
/// <see cref="HostLine"/>, every byte the module sends on <see cref="ModuleLine"/>, each a pseudo-terminal a listener
/// opens. What a listener transmits on those lines is collected, so a test can prove it stayed silent.
/// </summary>
internal sealed class YCable : IAsyncDisposable
{
    private readonly VirtualModule _module;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _pumps;

    public YCable(VirtualModule module)
    {
        _module = module;
        Host = PtyStream.Open();
        HostLine = PtyStream.Open();
        ModuleLine = PtyStream.Open();
        module.OutputWritten += OnModuleOutput;
        _pumps = [ForwardHostAsync(), CollectAsync(HostLine), CollectAsync(ModuleLine)];
    }

    /// <summary>The port the host opens.</summary>
    public PtyStream Host { get; }

    /// <summary>The line carrying the host's bytes to a listener.</summary>
    public PtyStream HostLine { get; }

    /// <summary>The line carrying the module's bytes to a listener.</summary>
    public PtyStream ModuleLine { get; }

    public ByteLog HostSent { get; } = new();

    public ByteLog ModuleSent { get; } = new();

    /// <summary>Whatever a listener wrote back onto either line: nothing, for a listener.</summary>
    public ByteLog Transmitted { get; } = new();

    private void OnModuleOutput(object? sender, byte[] bytes)
    {
        ModuleSent.Add(bytes);
        Host.Write(bytes);
        ModuleLine.Write(bytes);
    }

    private async Task ForwardHostAsync()
    {
        var buffer = new byte[4096];
        while (await Host.ReadAsync(buffer, _stop.Token) is var read and > 0)
        {
            HostSent.Add(buffer.AsSpan(0, read));
            HostLine.Write(buffer, 0, read);
            _module.Write(buffer.AsSpan(0, read));
        }
    }

    private async Task CollectAsync(PtyStream line)
    {
        var buffer = new byte[4096];
        while (await line.ReadAsync(buffer, _stop.Token) is var read and > 0) Transmitted.Add(buffer.AsSpan(0, read));
    }

    public async ValueTask DisposeAsync()
    {
        _module.OutputWritten -= OnModuleOutput;
        await _stop.CancelAsync();
        try { await Task.WhenAll(_pumps); }
        catch (OperationCanceledException) { }
        await Host.DisposeAsync();
        await HostLine.DisposeAsync();
        await ModuleLine.DisposeAsync();
        _stop.Dispose();
    }
}
