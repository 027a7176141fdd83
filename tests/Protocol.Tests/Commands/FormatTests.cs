using System.Text;
using Conformance.Protocol.Commands;

namespace Conformance.Protocol.Tests.Commands;

/// <summary>Builders write the manual's canonical lines.</summary>
public class FormatTests
{
    private static IEnumerable<TestCaseData> ManualLines()
    {
        TestCaseData Case(AtCommand command, string line, string name, string section) =>
            new TestCaseData(command, line, name, section).SetArgDisplayNames(line);

        yield return Case(At.Attention(), "AT", "", "4.1");
        yield return Case(At.Echo(false), "ATE0", "E", "4.1");
        yield return Case(At.Echo(true), "ATE1", "E", "4.1");
        yield return Case(At.Csq(), "AT+CSQ", "+CSQ", "4.1");
        yield return Case(At.CeregRead(), "AT+CEREG?", "+CEREG", "4.1");
        yield return Case(At.CgattRead(), "AT+CGATT?", "+CGATT", "4.1");
        yield return Case(At.Imei(), "AT+CGSN=1", "+CGSN", "4.1");
        yield return Case(Mqtt.Cfg("183.230.40.39", 6002, "4069959", 60, "75829", "secret", clean: true),
            "AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"secret\",1", "+MQTTCFG", "1.1");
        yield return Case(Mqtt.CfgRead(), "AT+MQTTCFG?", "+MQTTCFG", "1.1");
        yield return Case(Mqtt.Open(), "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "+MQTTOPEN", "1.2");
        yield return Case(Mqtt.Open(user: false, password: false, will: true, willRetain: true, willQos: 1, willTopic: "w", willMessage: "bye, all"),
            "AT+MQTTOPEN=0,0,1,1,1,\"w\",\"bye, all\"", "+MQTTOPEN", "1.2");
        yield return Case(Mqtt.Stat(), "AT+MQTTSTAT?", "+MQTTSTAT", "1.3");
        yield return Case(Mqtt.Sub("dev/gsm/u", 2), "AT+MQTTSUB=\"dev/gsm/u\",2", "+MQTTSUB", "1.4");
        yield return Case(Mqtt.Sub("led2", 2, 0), "AT+MQTTSUB=\"led2\",2,0", "+MQTTSUB", "1.4");
        yield return Case(Mqtt.SubList(), "AT+MQTTSUB?", "+MQTTSUB", "1.4");
        yield return Case(Mqtt.Pub("dev/gsm/u", 2, "update message", retain: true),
            "AT+MQTTPUB=\"dev/gsm/u\",2,1,0,0,\"update message\"", "+MQTTPUB", "1.5");
        yield return Case(Mqtt.PubHex("$dp", 2, [0x03, 0x00, 0x01, 0x7B], retain: true, dup: true),
            "AT+MQTTPUB=\"$dp\",2,1,1,4,0300017B", "+MQTTPUB", "1.5");
        yield return Case(Mqtt.Unsub("dev/gsm/u"), "AT+MQTTUNSUB=\"dev/gsm/u\"", "+MQTTUNSUB", "1.6");
        yield return Case(Mqtt.Disc(), "AT+MQTTDISC", "+MQTTDISC", "1.7");
        yield return Case(Mqtt.Del(), "AT+MQTTDEL", "+MQTTDEL", "1.8");
        yield return Case(Mqtt.Timeout(10), "AT+MQTTTO=10", "+MQTTTO", "1.9");
        yield return Case(Mqtt.Ping(1), "AT+MQTTPING=1", "+MQTTPING", "1.10");
    }

    [TestCaseSource(nameof(ManualLines))]
    public void A_builder_writes_the_canonical_line(AtCommand command, string line, string name, string section)
    {
        Assert.That(command.Format(), Is.EqualTo(line));
        Assert.That(command.Name, Is.EqualTo(name));
        Assert.That(command.Section, Is.EqualTo(section));
    }

    [Test]
    public void A_hex_publish_counts_bytes_and_gives_them_back()
    {
        var json = Encoding.UTF8.GetBytes("{\"test\":\"hello，world！\"}");
        byte[] payload = [0x03, 0x00, (byte)json.Length, .. json];

        var publish = Mqtt.PubHex("$dp", 2, payload, retain: true);

        Assert.That(publish.MessageLength, Is.EqualTo(30));
        Assert.That(publish.IsHex, Is.True);
        Assert.That(publish.GetMessageBytes(), Is.EqualTo(payload));
    }

    [Test]
    public void A_text_publish_gives_its_utf8_bytes()
    {
        var publish = Mqtt.Pub("t", 0, "héllo");

        Assert.That(publish.IsHex, Is.False);
        Assert.That(publish.GetMessageBytes(), Is.EqualTo(Encoding.UTF8.GetBytes("héllo")));
    }
}
