using Conformance.Protocol.Commands;
using Conformance.Protocol.Families;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Tests.Families;

/// <summary>Other vendors' MQTT command sets are named, never read as broken M5310-A commands.</summary>
public class ModuleFamilyTests
{
    // Lines as the vendors' own guides write them.
    [TestCase("AT+MQTTUSERCFG=0,1,\"esp32_01\",\"admin\",\"s3cret!\",0,0,\"\"", "ESP-AT")]
    [TestCase("AT+MQTTCONNCFG=0,120,0,\"lwt\",\"bye\",0,0", "ESP-AT")]
    [TestCase("AT+MQTTCONN=0,\"192.168.3.102\",1883,1", "ESP-AT")]
    [TestCase("AT+MQTTSUB=0,\"topic\",1", "ESP-AT")]
    [TestCase("AT+MQTTPUB=0,\"topic\",\"test\",1,0", "ESP-AT")]
    [TestCase("AT+MQTTUNSUB=0,\"topic\"", "ESP-AT")]
    [TestCase("AT+MQTTCLEAN=0", "ESP-AT")]
    [TestCase("AT+MQTTCFG=\"keepalive\",0,120", "OneMO")]
    [TestCase("AT+MQTTCONN=0,\"mqtt.example.com\",1883,\"client01\",\"user\",\"pass\"", "OneMO")]
    [TestCase("AT+MQTTPUB=0,\"tesla/status\",0,0,0,8,\"unlocked\"", "OneMO")]
    [TestCase("AT+MQTTDISC=0", "OneMO")]
    [TestCase("AT+MQTTSTATE?", "OneMO")]
    [TestCase("AT+MCONFIG=\"868488076506128\",\"user\",\"password\"", "Air780")]
    [TestCase("AT+MIPSTART=\"lbsmqtt.airm2m.com\",1884", "Air780")]
    [TestCase("AT+MCONNECT=1,60", "Air780")]
    [TestCase("AT+MSUB=\"/luatat/868488076506128\",0", "Air780")]
    [TestCase("AT+MPUB=\"/luatat/868488076506128\",0,0,\"hello, world\"", "Air780")]
    [TestCase("AT+QMTOPEN=0,\"iot-as-mqtt.example.com\",1883", "Quectel")]
    [TestCase("AT+QMTCONN=0,\"clientExample\",\"user\",\"pass\"", "Quectel")]
    [TestCase("at+qmtpub=0,1,1,0,\"topic/pub\",5", "Quectel")]
    [TestCase("AT+CMQTTSTART", "SIMCom")]
    [TestCase("AT+CMQTTACCQ=0,\"client test0\"", "SIMCom")]
    [TestCase("AT+CMQTTCONNECT=0,\"tcp://test.mosquitto.org:1883\",60,1", "SIMCom")]
    [TestCase("AT+CMQNEW=\"183.230.40.39\",\"6002\",12000,1024", "SIMCom")]
    [TestCase("AT+CMQCON=0,3,\"sim7020dev\",600,1,0", "SIMCom")]
    [TestCase("AT+CMQPUB=0,\"$dp\",1,0,0,10,\"3031323334\"", "SIMCom")]
    [TestCase("AT+SMCONN", "SIMCom")]
    [TestCase("AT+SMPUB=\"topic/up\",5,1,0", "SIMCom")]
    public void A_command_of_another_family_is_named_and_not_parsed(string line, string family)
    {
        var result = AtCommandParser.Parse(line);

        Assert.That(result.Success, Is.True, result.Error);
        Assert.That(result.Value, Is.TypeOf<UnknownCommand>());
        Assert.That(((UnknownCommand)result.Value!).Family?.Name, Is.EqualTo(family));
        Assert.That(result.Deviations, Is.Empty);
    }

    [TestCase("AT+MQTTSUB=\"topic\",1")]
    [TestCase("AT+MQTTSUB=dev/gsm/u,2")]
    [TestCase("AT+MQTTSUB=0,1")]          // a topic named 0, unquoted
    [TestCase("AT+MQTTSUB=\"t\",0,0")]
    [TestCase("AT+MQTTPUB=\"t\",1,0,0,0,\"x\"")]
    [TestCase("AT+MQTTPUB=0,1,0,0,0,\"x\"")]
    [TestCase("AT+MQTTUNSUB=\"t\"")]
    [TestCase("AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"key\",1")]
    [TestCase("AT+MQTTDISC")]
    public void The_M5310A_forms_of_shared_names_stay_M5310A(string line)
    {
        Assert.That(ModuleFamilies.Of(CommandLine.Parse(line)!), Is.Null);
        Assert.That(AtCommandParser.Parse(line).Value, Is.Not.TypeOf<UnknownCommand>());
    }

    [TestCase("+MQTTCONNECTED:0,1,\"192.168.3.102\",\"1883\",\"\",1", "ESP-AT")]
    [TestCase("+MQTTDISCONNECTED:0", "ESP-AT")]
    [TestCase("+MQTTSUBRECV:0,\"topic\",4,test", "ESP-AT")]
    [TestCase("+MQTTURC: \"conn\",0,0", "OneMO")]
    [TestCase("+MQTTURC: \"publish\",0,1,\"tesla/control\",6,6,unlock", "OneMO")]
    [TestCase("CONNACK OK", "Air780")]
    [TestCase("SUBACK", "Air780")]
    [TestCase("PUBACK", "Air780")]
    [TestCase("+MSUB: \"/luatat/868488076506128\",5 byte,hello", "Air780")]
    [TestCase("+QMTRECV: 0,1,\"topic/example\",\"This is the payload\"", "Quectel")]
    [TestCase("+QMTSTAT: 0,1", "Quectel")]
    [TestCase("+CMQTTCONNLOST: 0,1", "SIMCom")]
    [TestCase("+CMQPUB: 0,\"$creq/1a2b\",1,0,0,4,\"6F6E\"", "SIMCom")]
    [TestCase("+CMQDISCON: 0", "SIMCom")]
    [TestCase("+SMSUB: \"topic/down\",\"on\"", "SIMCom")]
    public void A_module_line_of_another_family_is_named(string line, string family) =>
        Assert.That(ModuleFamilies.Sending(line)?.Name, Is.EqualTo(family));

    [TestCase("+MQTTOPEN:OK")]
    [TestCase("+MQTTSUBACK:1,0,t")]
    [TestCase("SUBACKED")]
    [TestCase("CONNECT OK")]   // SIM800's TCP answer too: no sign of a family
    [TestCase("OK")]
    public void M5310A_and_generic_lines_belong_to_no_other_family(string line) =>
        Assert.That(ModuleFamilies.Sending(line), Is.Null);

    [Test]
    public void Family_names_are_unique() =>
        Assert.That(ModuleFamilies.All.Select(f => f.Name), Is.Unique);

    [TestCase("AT+QMTOPEN=0,\"iot.example.com\",1883", "+QMTOPEN")]
    [TestCase("AT+QMTPUBEX=0,1,1,0,\"t/up\",5", "+QMTPUBEX")]
    [TestCase("AT+CMQTTCONNECT=0,\"tcp://broker:1883\",60,1", "+CMQTTCONNECT")]
    [TestCase("AT+MQTTCONN=0,\"broker.example.net\",1883,1", "+MQTTCONNECTED")]
    [TestCase("AT+MQTTPUBRAW=0,\"t/raw\",5,0,0", "+MQTTPUB")]   // +MQTTPUB:OK after the data
    [TestCase("AT+MCONNECT=1,60", "CONNACK OK")]
    [TestCase("AT+MIPSTART=\"lbsmqtt.airm2m.com\",1884", "CONNECT OK")]
    public void A_familys_command_names_the_line_that_carries_its_outcome(string command, string outcome) =>
        Assert.That(ModuleFamilies.OutcomeOf(command), Is.EqualTo(outcome));

    [TestCase("AT+QMTOPEN?")]
    [TestCase("AT+MQTTCONN?")]
    [TestCase("AT+MQTTSUB=\"t\",1")]
    [TestCase("AT+CSQ")]
    public void A_read_form_an_M5310A_command_or_a_plain_command_has_no_family_outcome(string command) =>
        Assert.That(ModuleFamilies.OutcomeOf(command), Is.Null);

    [Test]
    public void The_event_reader_takes_a_familys_outcome_before_OK_as_its_answer_without_a_deviation()
    {
        var reader = new Events.AtEventReader();
        reader.CommandSent("AT+MQTTCONN=0,\"broker.example.net\",1883,1");
        ReadOnlySpan<byte> input = "\r\n+MQTTCONNECTED:0,1,\"broker.example.net\",\"1883\",\"\",1\r\n\r\nOK\r\nSUBACK\r\nMQTT connected, waiting\r\n"u8;
        var events = new List<Events.AtEvent>();
        while (reader.TryRead(ref input, out var atEvent)) events.Add(atEvent);

        Assert.That(events.Select(e => (e.Kind, e.Name, e.Command)), Is.EqualTo(new (Events.AtEventKind, string?, string?)[]
        {
            (Events.AtEventKind.Urc, "+MQTTCONNECTED", "AT+MQTTCONN=0,\"broker.example.net\",1883,1"),
            (Events.AtEventKind.Final, null, "AT+MQTTCONN=0,\"broker.example.net\",1883,1"),
            (Events.AtEventKind.Urc, "SUBACK", null),
            (Events.AtEventKind.Text, null, null),
        }));
        Assert.That(events[0].Deviations, Is.Empty);
    }

    // Lines of every family, of the M5310-A and of none, written as logs show them (case, spacing, words, prefixes).
    private static readonly string[] ModuleLines =
    [
        "+MQTTCONNECTED:0,1,\"mqtt.example.com\",\"1883\",\"\",1", "+MQTTPUB:OK", "+MQTTPUB:FAIL", "+MQTTPUB: 0,1",
        "+MQTTSUBRECV:0,\"topic\",4,test", "+MQTTURC: \"conn\",0,0", "+MQTTSTATE: 2", "CONNACK OK", "CONNACK OKAY", "SUBACK",
        "SUBACKED", "ALREADY CONNECT", "+MSUB: \"t\",5,hello", "+QMTOPEN: 0,0", "+QMT", "+QMTSTAT: 0,1", "+CMQTTCONNECT: 0,0",
        "+MQTTPUBACK: 12,0", "+MQTTOPEN:OK", "OK", "", "+", ":", "PUBACK", "PUBACK 3", "+CSQ: 20,99", "+MQTTCONN,", "+MQTTCONN ",
    ];

    [Test]
    public void The_family_of_a_module_line_is_the_first_that_sends_it()
    {
        foreach (var line in ModuleLines.Concat(ModuleLines.Select(l => l.ToLowerInvariant())))
        {
            var expected = ModuleFamilies.All.FirstOrDefault(f => f.Sends(line));
            Assert.That(ModuleFamilies.Sending(line), Is.SameAs(expected), line);
            Assert.That(ModuleFamilies.Sending(line), Is.SameAs(expected), $"{line}, asked again");
        }
    }

    [TestCase("AT+MQTTSUB=0,\"topic\",1")]
    [TestCase("AT+MQTTSUB=\"topic\",1")]
    [TestCase("AT+MQTTPUB=0,\"tesla/status\",0,0,0,8,\"unlocked\"")]
    [TestCase("AT+MQTTPUB=\"dev/u\",1,0,0,2,\"4935\"")]
    [TestCase("AT+QMTPUBEX=0,1,1,0,\"t\",5")]
    [TestCase("AT+QM=1")]
    [TestCase("AT+CMQTTSTART")]
    [TestCase("AT+MCONFIG=\"a\",\"b\",\"c\"")]
    [TestCase("AT+CSQ")]
    [TestCase("ATI")]
    public void The_family_of_a_command_is_the_first_that_owns_it(string line)
    {
        var command = CommandLine.Parse(line)!;
        var expected = ModuleFamilies.All.FirstOrDefault(f => f.Owns(command));

        Assert.That(ModuleFamilies.Of(command), Is.SameAs(expected));
        Assert.That(ModuleFamilies.Of(CommandLine.Parse(line)!), Is.SameAs(expected), "asked again");
    }
}
