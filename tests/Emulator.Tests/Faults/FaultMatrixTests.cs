using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Conformance.Emulator.Endpoints;
using Conformance.Emulator.Hosting;
using Conformance.Emulator.Logging;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Platform;
using Conformance.Emulator.Tests.Modem;
using Conformance.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Emulator.Tests.Faults;

/// <summary>
/// The emulator's rows of the fault matrix (docs/reliability.md): each case states the outcome, what the host
/// saw, and that nothing is left behind.
/// </summary>
public sealed partial class FaultMatrixTests
{
    private static readonly TimeSpan ReconnectInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Broker_killed_and_restarted_mid_run_the_module_reconnects_and_publishes_again()
    {
        var time = new FakeTimeProvider();
        var broker = await EmbeddedBroker.StartAsync();
        var port = broker.Port;
        await using var emulator = await EmulatorHost.StartAsync(
            new EmulatorOptions { TimeProvider = time, ReconnectInterval = ReconnectInterval }, new DnsEndPoint("127.0.0.1", port));
        await using var host = new AtTerminal(emulator.OpenStream());
        await OpenAsync(host);

        await broker.DisposeAsync();
        await host.ExpectLinesAsync("+MQTTREC: 0");
        await host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 4", "OK");

        broker = await EmbeddedBroker.StartAsync(port);
        await using var restarted = broker;
        await using var peer = await Peer.ConnectAsync(port);
        await peer.SubscribeAsync("after/restart");
        time.Advance(ReconnectInterval);
        await host.ExpectLinesAsync("+MQTTOPEN: OK");
        await host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 5", "OK");
        await host.ExpectAsync("AT+MQTTPUB=\"after/restart\",0,0,0,0,\"back\"", "OK");

        var message = await peer.Received.NextAsync();
        Assert.That(Encoding.UTF8.GetString(Peer.PayloadOf(message)), Is.EqualTo("back"));
        Assert.That(host.Transcript, Does.Not.Contain("+MQTTDISC"), "the session was never given up");
        Assert.That(host.HasNoPendingLine, Is.True);
    }

    [Test]
    public async Task Broker_frozen_mid_run_ends_in_MQTTDISC_after_three_missed_pings_and_three_silent_reconnections()
    {
        var time = new FakeTimeProvider();
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = time, ReconnectInterval = ReconnectInterval });
        await using var host = new AtTerminal(emulator.OpenStream());
        await OpenAsync(host);

        // Frozen: the TCP connection stays open and accepts bytes, but nothing comes back, not even a CONNACK.
        emulator.Faults.PingUnanswered = true;
        emulator.Faults.DelayAcks();
        time.Advance(AckTimeout);
        for (var i = 0; i < 3; i++)
        {
            time.Advance(KeepAlive - AckTimeout);
            time.Advance(AckTimeout);
            await host.ExpectLinesAsync("+MQTTTO: 5");
        }
        await host.ExpectLinesAsync("+MQTTREC: 0");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var connackHeld = NextHeldFrame(emulator);
            time.Advance(ReconnectInterval);
            await connackHeld;
            time.Advance(AckTimeout);
            await host.ExpectLinesAsync("+MQTTTO: 1", attempt < 3 ? $"+MQTTREC: {attempt}" : "+MQTTDISC: OK");
        }

        await host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 2", "OK");
        await host.ExpectAsync("AT", "OK");
        Assert.That(host.HasNoPendingLine, Is.True, "no URC after the module gave up");

        // The broker thaws: the CONNACKs of abandoned attempts arrive late and must not revive the session.
        await emulator.Faults.ReleaseAcksAsync();
        await host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 2", "OK");
    }

    [Test]
    public async Task Twenty_concurrent_clients_sending_random_lines_each_get_every_answer_and_all_leave_cleanly()
    {
        const int Clients = 20, LinesEach = 50;
        await using var module = new VirtualModule();
        var log = new List<EmulatorLogEntry>();
        module.Logged += (_, entry) => { lock (log) log.Add(entry); };
        var endpoint = TcpEndpoint.Start(module);
        var random = new Random(5310);
        var lines = Enumerable.Range(0, Clients).Select(_ => Enumerable.Range(0, LinesEach).Select(_ => RandomLine(random)).ToArray()).ToArray();
        var clients = new TcpClient[Clients];
        for (var i = 0; i < Clients; i++)
        {
            clients[i] = new TcpClient();
            await clients[i].ConnectAsync(endpoint.EndPoint);
        }
        await WaitUntilAsync(() => { lock (log) return log.Count(e => e.Text.EndsWith(" connected", StringComparison.Ordinal)) == Clients; });

        // Every client sends its lines in random pieces while all others do, and reads everything the module says.
        var finals = await Task.WhenAll(clients.Select((client, i) => TalkAsync(client.GetStream(), lines[i], Clients * LinesEach, new Random(i))));

        Assert.That(finals, Is.All.EqualTo(Clients * LinesEach), "each client sees one final result per line sent by anyone");
        lock (log)
        {
            var commands = log.Where(e => e.Text.StartsWith("> ", StringComparison.Ordinal)).ToList();
            Assert.That(commands, Has.Count.EqualTo(Clients * LinesEach), "no line was merged with another client's");
        }
        foreach (var client in clients) client.Dispose();
        await WaitUntilAsync(() => { lock (log) return log.Count(e => e.Text.EndsWith(" disconnected", StringComparison.Ordinal)) == Clients; });
        await endpoint.DisposeAsync().AsTask().WaitAsync(Waiting.Timeout);
        Assert.That(() => new TcpClient().Connect(endpoint.EndPoint), Throws.InstanceOf<SocketException>(), "the port is closed");
    }

    private static async Task<int> TalkAsync(NetworkStream stream, string[] lines, int expected, Random random)
    {
        var reading = CountFinalsAsync(stream, expected);
        var bytes = Encoding.ASCII.GetBytes(string.Concat(lines.Select(l => l + "\r")));
        for (var at = 0; at < bytes.Length;)
        {
            var piece = Math.Min(bytes.Length - at, random.Next(1, 40));
            await stream.WriteAsync(bytes.AsMemory(at, piece));
            at += piece;
            // A pause between pieces lets the other clients' pieces arrive in between, as with people typing.
            await Task.Delay(1);
        }
        return await reading;
    }

    private static async Task<int> CountFinalsAsync(NetworkStream stream, int expected)
    {
        var text = new StringBuilder();
        var buffer = new byte[8192];
        var finals = 0;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (finals < expected)
            {
                var read = await stream.ReadAsync(buffer, patience.Token);
                if (read == 0) break;
                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
                finals = FinalResult().Count(text.ToString());
            }
        }
        catch (OperationCanceledException)
        {
            // Answers missing: the count so far tells how many.
        }
        return finals;
    }

    /// <summary>Printable junk, half of it starting with AT; never ATE (echo would change what every client sees).</summary>
    private static string RandomLine(Random random)
    {
        var chars = new char[random.Next(1, 40)];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)random.Next(0x20, 0x7F);
        var line = (random.Next(2) == 0 ? "AT" : "") + new string(chars);
        return line.StartsWith("ATE", StringComparison.OrdinalIgnoreCase) ? "AT" + line[3..] : line;
    }

    [GeneratedRegex(@"\r\n(OK|ERROR|\+CME ERROR: [0-9]+)\r\n")]
    private static partial Regex FinalResult();

    private static async Task OpenAsync(AtTerminal host)
    {
        var id = "dev" + Guid.NewGuid().ToString("N")[..8];
        await host.ExpectAsync($"AT+MQTTCFG=\"183.230.40.39\",6002,\"{id}\",{KeepAlive.TotalSeconds},\"165920\",\"key\",1", "OK");
        await host.ExpectAsync("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK");
        await host.ExpectLinesAsync("+MQTTOPEN: OK");
    }

    /// <summary>Completes when the frozen broker's proxy holds the next packet: the attempt's CONNECT got its answer held.</summary>
    private static async Task NextHeldFrame(EmulatorHost emulator)
    {
        var proxy = emulator.Proxy!;
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnHeld(object? sender, Conformance.Emulator.Faults.MqttFrame frame) => held.TrySetResult();
        proxy.FrameHeld += OnHeld;
        try { await held.Task.WaitAsync(Waiting.Timeout); }
        finally { proxy.FrameHeld -= OnHeld; }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Waiting.Timeout);
        while (!condition()) await Task.Delay(10, patience.Token);
    }
}
