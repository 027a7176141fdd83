using Conformance.Protocol.Catalog;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Tests.Syntax;

/// <summary>Any command line, of any vendor, splits into name, form and fields.</summary>
public class CommandLineTests
{
    [TestCase("AT+MQTTSUB=?", "+MQTTSUB", CommandForm.Test, "AT+MQTTSUB=?")]
    [TestCase("AT+MQTTSTAT?", "+MQTTSTAT", CommandForm.Read, "AT+MQTTSTAT?")]
    [TestCase("AT+MQTTSUB=\"led\",1", "+MQTTSUB", CommandForm.Set, "AT+MQTTSUB=")]
    [TestCase("AT+MQTTDISC", "+MQTTDISC", CommandForm.Exec, "AT+MQTTDISC")]
    [TestCase("at+qmtopen=0,\"iot.example.com\",1883", "+QMTOPEN", CommandForm.Set, "AT+QMTOPEN=")]
    [TestCase("AT^SYSCONFIG?", "^SYSCONFIG", CommandForm.Read, "AT^SYSCONFIG?")]
    [TestCase("ATE0", "E", CommandForm.Exec, "ATE0")]
    [TestCase("AT&F", "&F", CommandForm.Exec, "AT&F")]
    [TestCase("AT", "", CommandForm.Exec, "AT")]
    [TestCase("AT+CMQTTSTART\r\n", "+CMQTTSTART", CommandForm.Exec, "AT+CMQTTSTART")]
    public void Name_form_and_key_come_from_the_line(string line, string name, CommandForm form, string key)
    {
        var syntax = CommandLine.Parse(line);

        Assert.That(syntax, Is.Not.Null);
        Assert.That((syntax!.Name, syntax.Form, syntax.Key), Is.EqualTo((name, form, key)));
    }

    // The catalog reads a line's name in place; it must name every line as the split does, in any case and form.
    [TestCase("AT+MQTTPUB=\"dev/u\",1,0,0,0,\"t=93\"")]
    [TestCase("at+mqttpub=\"t\",0,0,0,0,\"x\"")]
    [TestCase("At+MqttStat?")]
    [TestCase("AT+MQTTSUB=?")]
    [TestCase("AT+QMTOPEN=0,\"iot.example.com\",1883")]
    [TestCase("AT+MQTTPUBX=1")]
    [TestCase("ATE0")]
    [TestCase("AT&F")]
    [TestCase("AT")]
    [TestCase("AT+CSQ\r\n")]
    [TestCase("AT+\r")]
    [TestCase("xAT+MQTTPUB=1")]
    [TestCase("")]
    public void The_catalog_names_a_line_as_its_split_does(string line)
    {
        var syntax = CommandLine.Parse(line);

        var name = ProtocolCatalog.NameOf(line, out var read);

        Assert.That(name, Is.EqualTo(syntax?.Name ?? ""));
        Assert.That(read, Is.EqualTo(syntax?.Form is CommandForm.Read or CommandForm.Test));
    }

    [Test]
    public void Fields_keep_their_quoting_and_their_place_in_the_line()
    {
        const string line = "AT+MQTTUSERCFG=0,1,\"esp,32\",\"user\",\"\",0,0,\"\"";
        var syntax = CommandLine.Parse(line)!;

        var fields = syntax.Fields;

        Assert.That(fields.Select(f => f.Value), Is.EqualTo(new[] { "0", "1", "esp,32", "user", "", "0", "0", "" }));
        Assert.That(fields.Select(f => f.IsQuoted), Is.EqualTo(new[] { false, false, true, true, true, false, false, true }));
        Assert.That(fields.Select(f => line[f.Start]), Is.EqualTo("01\"\"\"00\"".ToCharArray()));
        Assert.That(syntax.WrittenName, Is.EqualTo("+MQTTUSERCFG"));
    }

    [Test]
    public void The_last_of_a_limited_split_keeps_the_rest_verbatim()
    {
        var fields = CommandLine.Parse("AT+MPUB=\"/t\",0,0,hello, world")!.Split(4, out var error, out _);

        Assert.That(error, Is.Null);
        Assert.That(fields[^1].Value, Is.EqualTo("hello, world"));
    }

    [Test]
    public void A_broken_quote_still_gives_the_name_and_the_fields_before_it()
    {
        const string line = "AT+MQTTSUB=1,\"dev/gsm,0";
        var syntax = CommandLine.Parse(line)!;

        var fields = syntax.Split(int.MaxValue, out var error, out var position);

        Assert.That(syntax.Name, Is.EqualTo("+MQTTSUB"));
        Assert.That(fields[0].Value, Is.EqualTo("1"));
        Assert.That(error, Does.Contain("not closed"));
        Assert.That(line[position], Is.EqualTo('"'));
    }

    [TestCase("+MQTTOPEN: OK")]
    [TestCase("OK")]
    [TestCase("A")]
    public void A_line_not_starting_with_AT_is_no_command(string line) =>
        Assert.That(CommandLine.Parse(line), Is.Null);

    [Test]
    public void Only_a_set_command_has_fields() =>
        Assert.That(CommandLine.Parse("AT+CSQ")!.Fields, Is.Empty);
}
