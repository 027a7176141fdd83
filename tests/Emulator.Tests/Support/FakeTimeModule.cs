using Conformance.Emulator.Hosting;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Tests.Modem;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Emulator.Tests.Support;

/// <summary>A module on fake time against the embedded platform, a host on its AT port: the rig of the timer and fault tests.</summary>
internal sealed class FakeTimeModule : IAsyncDisposable
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ReconnectInterval = TimeSpan.FromSeconds(5);

    private FakeTimeModule(FakeTimeProvider time, EmulatorHost emulator)
    {
        Time = time;
        Emulator = emulator;
        Host = new AtTerminal(emulator.OpenStream());
    }

    public FakeTimeProvider Time { get; }

    public EmulatorHost Emulator { get; }

    public AtTerminal Host { get; }

    public string DeviceId { get; } = "dev" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Starts the module with <paramref name="options"/>, on fake time with <see cref="ReconnectInterval"/>.</summary>
    public static async Task<FakeTimeModule> StartAsync(EmulatorOptions? options = null)
    {
        var time = new FakeTimeProvider();
        var emulator = await EmulatorHost.StartAsync((options ?? new EmulatorOptions()) with { TimeProvider = time, ReconnectInterval = ReconnectInterval });
        return new FakeTimeModule(time, emulator);
    }

    /// <summary>CFG with <paramref name="keepAlive"/> (else <see cref="KeepAlive"/>) and OPEN, both answered OK; the outcome URC is the caller's to read.</summary>
    public async Task OpenAsync(string apiKey = "key", TimeSpan? keepAlive = null)
    {
        await Host.ExpectAsync($"AT+MQTTCFG=\"183.230.40.39\",6002,\"{DeviceId}\",{(keepAlive ?? KeepAlive).TotalSeconds},\"165920\",\"{apiKey}\",1", "OK");
        await Host.ExpectAsync("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK");
    }

    public async Task ConnectAsync()
    {
        await OpenAsync();
        await Host.ExpectLinesAsync("+MQTTOPEN: OK");
    }

    /// <summary>Three keep-alives whose PINGREQs go unanswered: three <c>+MQTTTO: 5</c>, and the reconnection starts.</summary>
    public async Task MissThreePingsAsync()
    {
        // Each keep-alive's PINGREQ, then its AT+MQTTTO timer running out.
        Time.Advance(AckTimeout);
        for (var i = 0; i < 3; i++)
        {
            Time.Advance(KeepAlive - AckTimeout);
            Time.Advance(AckTimeout);
            await Host.ExpectLinesAsync("+MQTTTO: 5");
        }
        await Host.ExpectLinesAsync("+MQTTREC: 0");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
