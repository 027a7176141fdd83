using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>Statistics group commands by name and form, read once per name and form however the arguments vary.</summary>
public class CommandKeysTests
{
    [Test]
    public void Each_line_gets_the_key_its_syntax_gives_also_when_the_name_and_form_were_seen_before()
    {
        string[] lines =
        [
            "AT+MQTTPUB=\"dev/u\",1,0,0,2,\"4935\"", "AT+MQTTPUB=\"dev/u\",1,0,0,2,\"E348\"", "at+mqttpub=\"x\",0,0,0,0,\"y\"",
            "AT+MQTTSTAT?", "AT+MQTTSTAT? ", "AT+MQTTSTAT=?", "AT+MQTTSTAT", "AT+CSQ", "at+csq ", "ATI", "ATE0", "AT",
            "AT+MQTTSUB=", "xxAT+MQTTSUB=\"t\",1", "hello", "AT+QMTOPEN=0,\"h\",1883", "AT+qmtopen=0,\"h\",1883",
        ];
        var keys = new CommandKeys();

        foreach (var round in new[] { "first", "again" })
            foreach (var line in lines)
                Assert.That(keys.Of(line), Is.EqualTo(CommandText.Key(line)), $"{line} ({round})");
        Assert.That(keys.Of("AT+MQTTPUB=\"a\",0,0,0,0,\"b\""), Is.EqualTo("AT+MQTTPUB="));
        Assert.That(keys.Of("AT+MQTTSTAT?"), Is.EqualTo("AT+MQTTSTAT?"));
    }
}
