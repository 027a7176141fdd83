using System.Text;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Interpretation;
using Snapshooter.NUnit;

namespace Conformance.Protocol.Tests.Interpretation;

/// <summary>The manual's exchanges, fed through tokenizer and typed parsers as the harness does.</summary>
public class ManualSessionTests
{
    // (command sent, what the module answers): manual §1.1–§1.11 and chapter 4, echo off.
    private static readonly (string Command, string Answer)[] Chapter4 =
    [
        ("AT", "\r\nOK\r\n"),
        ("AT+CSQ", "\r\n+CSQ: 24,99\r\n\r\nOK\r\n"),
        ("AT+CEREG?", "\r\n+CEREG: 0,1\r\n\r\nOK\r\n"),
        ("AT+CGATT?", "\r\n+CGATT: 1\r\n\r\nOK\r\n"),
        ("AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"IIOu0oFUg...nTK1uzAcnM=\",1", "\r\nOK\r\n"),
        ("AT+MQTTCFG?", "\r\n+MQTTCFG:\"183.230.40.39\",6002,\"4069959\",60,\"75829\",***,1\r\n\r\nOK\r\n"),
        ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n"),
        ("AT+MQTTSTAT?", "\r\n+MQTTSTAT: 5\r\n\r\nOK\r\n"),
        ("AT+MQTTSUB=\"dev/gsm/u\",2", "\r\nOK\r\n\r\n+MQTTSUBACK: 5,2\r\n"),
        ("AT+MQTTSUB?", "\r\n+MQTTSUB:\r\ndev/gsm/u\r\n\r\nOK\r\n"),
        ("AT+MQTTPUB=\"dev/gsm/u\",2,1,0,0,\"update message\"",
            "\r\nOK\r\n\r\n+MQTTPUBREC: 0,14\r\n\r\n+MQTTPUBCOMP: 0,14\r\n\r\n+MQTTPUBLISH: 0,2,0,9,\"dev/gsm/u\",14\r\nupdate message\r\n\r\n+MQTTPUBREL: 0,9\r\n"),
        ("AT+MQTTPUB=$dp,2,1,0,30,03001B7b2274657374223a2268656c6c6fefbc8c776f726c64efbc81227d", "\r\nOK\r\n+MQTTPUBREC:2,0\r\n+MQTTPUBCOMP:3,0\r\n"),
        ("AT+MQTTUNSUB=\"dev/gsm/u\"", "\r\nOK\r\n\r\n+MQTTUNSUBACK: 8\r\n"),
        ("AT+MQTTPING=0", "\r\nOK\r\n+MQTTPINGRSP: OK\r\n"),
        ("AT+MQTTDISC", "\r\nOK\r\n\r\n+MQTTDISC: OK\r\n"),
        ("AT+MQTTDISC", "\r\n+CME ERROR: 3\r\n"),
        ("AT+MQTTDEL", "\r\nOK\r\n"),
    ];

    private sealed record Event(string Sent, string Kind, string Text, string? Type, object? Value, string[] Deviations, string? Error);

    [Test]
    public void Every_exchange_of_the_manual_reads_into_typed_values()
    {
        var tokenizer = new AtTokenizer(new AtTokenizerOptions { CommandsKnown = true });
        var events = new List<Event>();
        foreach (var (command, answer) in Chapter4)
        {
            tokenizer.CommandSent(Encoding.UTF8.GetBytes(command));
            var name = command.Length > 2 ? command[2..].Split('=', '?')[0] : "";
            ReadOnlySpan<byte> input = Encoding.UTF8.GetBytes(answer);
            while (tokenizer.TryRead(ref input, out var frame))
            {
                var meaning = FrameInterpreter.Interpret(frame, frame.Kind == FrameKind.Info ? name : null);
                events.Add(new Event(command.Contains("MQTTCFG=") ? "AT+MQTTCFG=…" : command, frame.Kind.ToString(), Encoding.UTF8.GetString(frame.Text),
                    meaning.Value?.GetType().Name, meaning.Value, meaning.Deviations.Select(d => d.Code).ToArray(), meaning.Error));
            }
        }

        Assert.That(events.Where(e => e.Error is not null), Is.Empty, "every line of the manual is understood");
        Snapshot.Match(events);
    }
}
