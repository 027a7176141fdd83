using Conformance.Protocol.Commands;
using Snapshooter.NUnit;

namespace Conformance.Protocol.Tests.Commands;

/// <summary>Every command line the manual sends ([#Send] and the chapter 4 flows) parses to the expected command.</summary>
public class ManualCommandLineTests
{
    // (where in the manual, the line as printed); secrets are the manual's own elided placeholders.
    private static readonly (string Where, string Line)[] ManualLines =
    [
        ("§1.1 example", "AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"IIOu0oFUg...nTK1uzAcnM=\",1"),
        ("§1.1 read", "AT+MQTTCFG?"),
        ("§1.2 example", "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\""),
        ("§1.3 read", "AT+MQTTSTAT?"),
        ("§1.4 example", "AT+MQTTSUB=\"dev/gsm/u\",2"),
        ("§1.4 read", "AT+MQTTSUB?"),
        ("§1.5 example", "AT+MQTTPUB=\"dev/gsm/u\",2,1,0,0,\"update message\""),
        ("§1.6 example", "AT+MQTTUNSUB=\"dev/gsm/u\""),
        ("§1.7 example", "AT+MQTTDISC"),
        ("§1.8 example", "AT+MQTTDEL"),
        ("§1.9 syntax", "AT+MQTTTO=10"),
        ("§1.10 syntax", "AT+MQTTPING=1"),
        ("§1.11 example", "AT+MQTTPUB=\"dev/gsm/u\",2,1,\"update message\""),
        ("§3.3 example", "AT+MQTTCFG=\"183.230.40.39\",6002,\"39599428\",20,\"165920\",\"BxJG=WHDtt5...XZQgssKNnU=\",1"),
        ("§4.1 (1)", "AT"),
        ("§4.1 (2)", "AT+CSQ"),
        ("§4.1 (3)", "AT+CEREG?"),
        ("§4.1 (4)", "AT+CGATT?"),
        ("§4.2 (1)", "AT+MQTTCFG=\"183.230.40.39\",6002,\" 40213547\",600,\" 168649\",\"O7x...g0=\",1"),
        ("§4.2 (3)", "AT+MQTTSUB=\"led2\",2,0"),
        ("§4.3 (1)", "AT+MQTTPUB=\"led2\",2,1,0,0,\" update message\""),
        ("§4.3 (2)", "AT+MQTTPUB=$dp,2,1,0,30,03001B7b2274657374223a2268656c6c6fefbc8c776f726c64efbc81227d"),
    ];

    [Test]
    public void Every_manual_line_parses_to_its_command()
    {
        var parsed = ManualLines.Select(m =>
        {
            var result = AtCommandParser.Parse(m.Line + "\r\n");
            var command = result.Unwrap();
            return new
            {
                m.Where,
                Command = command.ToString(),
                Canonical = command.FormatRedacted(),
                Deviations = result.Deviations.Select(d => d.ToString()).ToArray(),
            };
        });

        Snapshot.Match(parsed.ToArray());
    }

    [Test]
    public void Canonical_manual_lines_format_back_to_themselves()
    {
        var canonical = ManualLines.Where(m => AtCommandParser.Parse(m.Line).Deviations.Count == 0).ToArray();

        Assert.That(canonical, Has.Length.GreaterThan(15));
        foreach (var (_, line) in canonical)
            Assert.That(AtCommandParser.Parse(line).Unwrap().Format(), Is.EqualTo(line));
    }

    [Test]
    public void The_dp_example_carries_the_manual_json_after_a_type_3_header()
    {
        var publish = (MqttPub)AtCommandParser.Parse(ManualLines[^1].Line).Unwrap();
        var bytes = publish.GetMessageBytes();

        Assert.That(bytes, Has.Length.EqualTo(30));
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0x03, 0x00, 0x1B }));
        Assert.That(System.Text.Encoding.UTF8.GetString(bytes[3..]), Is.EqualTo("{\"test\":\"hello，world！\"}"));
    }
}
