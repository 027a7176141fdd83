using System.Net;
using System.Net.Sockets;
using System.Text;
using Conformance.Emulator.Modem;
using Conformance.Fuzz.Tests.Engine;
using Conformance.Fuzz.Tests.Seeds;
using Conformance.Protocol.Catalog;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Fuzz.Tests.Targets;

/// <summary>
/// The virtual module's AT front end fed host bytes: the same output and log in any chunking, no exception out of
/// <see cref="VirtualModule.Write"/>, no control byte in its log, allocation linear in the input.
/// </summary>
/// <remarks>
/// Its MQTT connections go to a port that accepts and never answers, and its clock stands still: nothing arrives
/// from the broker or a timer while an input is checked, so the output depends on the input alone.
/// </remarks>
public sealed class EmulatorTarget : FuzzTarget
{
    private static readonly TcpListener Silent = StartSilentBroker();

    public override string Name => "emulator";

    public override IReadOnlyList<byte[]> Seeds { get; } = AllBytes(
    [
        string.Join("\r\n", FieldLines.Commands) + "\r\n", string.Join("\r", FieldLines.Commands.Take(12)) + "\r",
        "ATE1\r\nAT+CSQ\r\nAT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"TopSecret123456\",1\r\nAT+MQTTCFG?\r\nAT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\nAT+MQTTSTAT?\r\n",
        "AT+CS\bQ\r\nA\u007fAT\r\n\r\n\n\rAT\n", new string('A', 3000) + "\r\nAT\r\n",
    ]);

    public override Gen<byte[]> Structured { get; } = Inputs.Lines(Gen.OneOf(FieldLines.Commands), 20);

    public override int ShortIterations => 150;

    public override void Check(FuzzInput input, Behaviour behaviour)
    {
        var whole = Run(input.Data, [input.Data]);
        var chunked = Run(input.Data, input.Split());
        if (!chunked.Log.SequenceEqual(whole.Log))
        {
            var at = chunked.Log.Zip(whole.Log).TakeWhile(p => p.First == p.Second).Count();
            Assert.Fail($"module log (commands and answers) differs between whole and chunked host input at line {at}:\n" +
                $"whole:   {string.Join(" | ", whole.Log.Skip(Math.Max(0, at - 3)).Take(6))}\nchunked: {string.Join(" | ", chunked.Log.Skip(Math.Max(0, at - 3)).Take(6))}");
        }
        // An echo goes out as the bytes arrive, so with echo on the output interleaves differently by design.
        if (!chunked.Echoed)
            Assert.That(chunked.Output.Select(Escaped), Is.EqualTo(whole.Output.Select(Escaped)), "module output lines differ between whole and chunked host input");
        foreach (var line in whole.Log)
            Assert.That(line.Any(c => c < 0x20 || c == 0x7F), Is.False, $"control character in the module's log: {line}");
        behaviour.NotePairs("answer", whole.Output.Take(40)
            .Select(l => l.Length > 16 ? l[..16] : l));
    }

    private static string Escaped(string line) => string.Concat(line.Select(c => c is < ' ' or >= '\x7F' ? $"\\x{(int)c:x2}" : c.ToString()));

    /// <summary>What the module wrote and logged, URCs left out: they come when the broker's side completes (+MQTTDISC after DISC), at no fixed point.</summary>
    private sealed record Transcript(List<string> Output, List<string> Log, bool Echoed);

    private static bool IsUrc(string line)
    {
        var name = line.Split(':')[0];
        return name.StartsWith('+') && ProtocolCatalog.Urc(name) is not null;
    }

    private static Transcript Run(byte[] data, IReadOnlyList<byte[]> chunks)
    {
        var output = new List<byte>();
        var log = new List<string>();
        var echoed = false;
        var options = new EmulatorOptions
        {
            MaxLineLength = 256,
            DefaultBroker = new DnsEndPoint("127.0.0.1", ((IPEndPoint)Silent.LocalEndpoint).Port),
            TimeProvider = new FakeTimeProvider(),
        };
        var module = new VirtualModule(options);
        try
        {
            module.OutputWritten += (_, bytes) => { lock (output) output.AddRange(bytes); };
            module.Logged += (_, entry) => { lock (log) log.Add(entry.Text); };
            Bounds.Allocation("the module's front end", data.Length, 3000, 1 << 20, () =>
            {
                foreach (var chunk in chunks)
                {
                    echoed |= module.Echo;
                    module.Write(chunk);
                }
            }, repeatable: false);
            lock (output) lock (log)
            {
                var lines = Encoding.Latin1.GetString([.. output]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(l => !IsUrc(l));
                return new Transcript([.. lines], [.. log.Where(l => !(l.StartsWith("< ", StringComparison.Ordinal) && IsUrc(l[2..])))], echoed);
            }
        }
        finally
        {
            module.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>A broker that takes every connection and never answers; a connection is closed when the module closes it.</summary>
    private static TcpListener StartSilentBroker()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(1024);
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync();
                _ = Task.Run(async () =>
                {
                    using var held = socket;
                    var buffer = new byte[1024];
                    try { while (await held.ReceiveAsync(buffer) > 0) { } }
                    catch (SocketException) { }
                });
            }
        });
        return listener;
    }
}
