using System.Text;
using Conformance.Fuzz.Tests.Engine;
using Conformance.Fuzz.Tests.Seeds;
using Conformance.Protocol.Catalog;
using Conformance.Protocol.Events;
using Conformance.Protocol.Framing;
using CsCheck;

namespace Conformance.Fuzz.Tests.Targets;

/// <summary>
/// The event reader, the one place bytes get their meaning: same events in any chunking, with or without the
/// host's commands, and allocation linear in the input.
/// </summary>
/// <remarks>
/// Lines starting with <c>AT</c> are what the host sent: told to the reader with <c>CommandSent</c>, and in one
/// of the passes also fed as the module's echo.
/// </remarks>
public sealed class EventReaderTarget : FuzzTarget
{
    private enum Host { Unknown, Echoed, Silent }

    private static readonly AtTokenizerOptions Limits = new() { CommandsKnown = true, MaxFrameLength = 512, OverflowPreviewLength = 16 };

    public override string Name => "event-reader";

    public override IReadOnlyList<byte[]> Seeds { get; } = AllBytes(
    [
        FieldLines.Session, .. FieldLines.Commands.Zip(FieldLines.Module.Chunk(3), (c, m) => c + "\r\n" + string.Join("\r\n", m) + "\r\nOK\r\n"),
        "AT+MQTTPUB=\"t\",1,0,0,5\r\n> hello\r\nOK\r\n", "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n+MQTTOPEN: OK\r\nOK\r\n",
    ]);

    public override Gen<byte[]> Structured { get; } = Inputs.Lines(Gen.Frequency(
        (6, Gen.OneOf(FieldLines.Module)), (3, Gen.OneOf(FieldLines.Commands)), (1, Gen.OneOf("", " ", "> ", ">"))));

    public override int ShortIterations => 150;

    public override void Check(FuzzInput input, Behaviour behaviour)
    {
        foreach (var host in Enum.GetValues<Host>())
        {
            var whole = Events(input.Data, host, []);
            var chunked = Events(input.Data, host, input.Chunks);
            Assert.That(chunked, Is.EqualTo(whole), $"events differ between whole and chunked input ({host} host)");
            Bounds.Allocation("event reader", input.Data.Length, 600, 512 * 1024, () => Events(input.Data, host, input.Chunks, record: false));
            if (host != Host.Echoed) continue;
            foreach (var e in whole.Take(100)) behaviour.Note("event:" + Fold(e.Split(' ')[0]));
            behaviour.NotePairs("kinds", whole.Select(e => e.Split(':')[0]).Take(30));
        }
    }

    /// <summary>An event's kind and name, a name the catalog does not know folded to one: new names are not new behaviour.</summary>
    private static string Fold(string kindAndName)
    {
        var name = kindAndName[(kindAndName.IndexOf(':') + 1)..];
        return name.Length == 0 || ProtocolCatalog.Urc(name) is not null || ProtocolCatalog.Banners.Contains(name) ? kindAndName
            : kindAndName[..(kindAndName.IndexOf(':') + 1)] + "other";
    }

    private static List<string> Events(byte[] data, Host host, int[] chunks, bool record = true)
    {
        var reader = new AtEventReader(host == Host.Unknown ? new AtTokenizerOptions { MaxFrameLength = 512 } : Limits);
        var events = new List<string>();
        foreach (var (isCommand, bytes) in Segments(data, host))
        {
            if (isCommand)
            {
                reader.CommandSent(Encoding.UTF8.GetString(bytes));
                continue;
            }
            foreach (var chunk in new FuzzInput(bytes, chunks).Split()) Read(reader, chunk, false, events, record);
        }
        Read(reader, [], true, events, record);
        return events;
    }

    private static void Read(AtEventReader reader, byte[] chunk, bool final, List<string> events, bool record)
    {
        var span = (ReadOnlySpan<byte>)chunk;
        while (reader.TryRead(ref span, out var e, final))
        {
            if (!record) continue;
            var value = e.Value is null ? "" : e.Value.GetType().Name;
            events.Add($"{e.Kind}:{e.Name} @{e.Offset}+{e.Length} [{e.Command}] {e.Text} {Convert.ToHexString(e.Raw)} {e.Result} {e.ErrorCode} " +
                $"{(e.Payload is null ? "-" : Convert.ToHexString(e.Payload))} {e.PayloadInline} {e.IsTruncated} {value} {e.Error} {e.ErrorPosition} " +
                string.Join(",", e.Deviations.Select(d => d.Code)));
        }
        Assert.That(span.IsEmpty, "TryRead returned false with input left");
    }

    /// <summary>The input as the host's command lines and the module's output between them.</summary>
    private static IEnumerable<(bool IsCommand, byte[] Bytes)> Segments(byte[] data, Host host)
    {
        if (host == Host.Unknown) { yield return (false, data); yield break; }
        var output = 0;
        for (var at = 0; at < data.Length;)
        {
            var lineStart = at == 0 || data[at - 1] is (byte)'\r' or (byte)'\n';
            if (lineStart && at + 1 < data.Length && (data[at] | 0x20) == 'a' && (data[at + 1] | 0x20) == 't')
            {
                var end = data.AsSpan(at).IndexOfAny((byte)'\r', (byte)'\n');
                end = end < 0 ? data.Length : at + end;
                if (output < at) yield return (false, data[output..at]);
                yield return (true, data[at..end]);
                if (host == Host.Echoed) yield return (false, data[at..Math.Min(end + 1, data.Length)]);
                at = output = Math.Min(end + 1, data.Length);
                continue;
            }
            at++;
        }
        if (output < data.Length) yield return (false, data[output..]);
    }
}
