using Conformance.Protocol.Commands;

namespace Conformance.Protocol.Tests.Commands;

/// <summary>Lines real hosts send are understood, and each departure from the manual's form is reported.</summary>
public class LenientParsingTests
{
    [TestCase("at+mqttdisc", "lowercase-at,lowercase-command")]
    [TestCase("AT+mqttstat?", "lowercase-command")]
    [TestCase("AT+MQTTSUB=dev/gsm/u,2", "unquoted-string")]
    [TestCase("AT+MQTTSUB=\u201Ddev/gsm/u\u201D,2", "curly-quotes")]
    [TestCase("AT+MQTTSUB=\"dev/gsm/u\",\"2\"", "quoted-number")]
    [TestCase("AT+MQTTSUB= \"dev/gsm/u\" , 2", "space-around-argument,space-around-argument")]
    [TestCase("AT+MQTTPUB=\"dev/gsm/u\",2,1,0,\"update message\"", "missing-message-len")]
    [TestCase("AT+MQTTCFG=\"h\",1883,\" id\",60,\"u\",\"p\",1", "space-inside-quotes")]
    [TestCase("AT+MQTTDISC ", "space-around-argument")]
    [TestCase("AT+MQTTSUB =\"dev/gsm/u\",2", "space-around-argument")]
    [TestCase("AT+MQTTSTAT\t?", "space-around-argument")]
    [TestCase("ATE", "missing-value")]
    public void Each_departure_from_the_manual_is_one_deviation(string line, string codes)
    {
        var result = AtCommandParser.Parse(line);

        Assert.That(result.Success, Is.True, result.Error);
        Assert.That(result.Deviations.Select(d => d.Code), Is.EqualTo(codes.Split(',')));
    }

    [Test]
    public void Deviations_name_the_section_of_the_command()
    {
        var result = AtCommandParser.Parse("at+mqttsub=led2,2");

        Assert.That(result.Deviations.Select(d => d.Section), Is.All.EqualTo("1.4"));
        Assert.That(result.Deviations.Single(d => d.Code == "unquoted-string").Message, Does.Contain("topic"));
    }

    [Test]
    public void Lenient_lines_mean_the_same_command_as_the_canonical_one()
    {
        var expected = new MqttSub("dev/gsm/u", 2, null);

        foreach (var line in new[] { "AT+MQTTSUB=dev/gsm/u,2", "at+mqttsub= \u201Cdev/gsm/u\u201D ,\"2\"", "AT+MQTTSUB=\"dev/gsm/u\",2\r" })
            Assert.That(AtCommandParser.Parse(line).Value, Is.EqualTo(expected), line);
    }

    [TestCase("AT+MQTTPUB=\"t\",1,0,0,0,\"a,b\"", "a,b")]
    [TestCase("AT+MQTTPUB=t,1,0,0,0,a,b \"c\"", "a,b \"c\"")]
    [TestCase("AT+MQTTPUB=\"t\",1,0,0,0,\"\u4F60\u597D\uFF0C\"", "\u4F60\u597D\uFF0C")]
    [TestCase("AT+MQTTPUB=\"t\",1,0,0,0,\"\"", "")]
    public void A_text_message_keeps_its_commas_and_characters(string line, string message)
    {
        var publish = (MqttPub)AtCommandParser.Parse(line).Unwrap();

        Assert.That(publish.Message, Is.EqualTo(message));
        Assert.That(publish.GetMessageBytes(), Is.EqualTo(System.Text.Encoding.UTF8.GetBytes(message)));
    }

    [Test]
    public void A_quoted_hex_message_is_accepted()
    {
        var publish = (MqttPub)AtCommandParser.Parse("AT+MQTTPUB=\"$dp\",0,0,0,2,\"7E7a\"").Unwrap();

        Assert.That(publish.GetMessageBytes(), Is.EqualTo(new byte[] { 0x7E, 0x7A }));
    }

    [Test]
    public void A_publish_without_message_len_keeps_dup_when_it_is_sent()
    {
        var publish = (MqttPub)AtCommandParser.Parse("AT+MQTTPUB=\"t\",1,0,1,\"x,y\"").Unwrap();

        Assert.That(publish, Is.EqualTo(new MqttPub("t", 1, false, true, 0, "x,y")));
    }

    [TestCase("AT+FOO", "+FOO")]
    [TestCase("ATX", "X")]
    [TestCase("AT+MQTTSTAT", "+MQTTSTAT")]
    [TestCase("AT+MQTTSTAT=1", "+MQTTSTAT")]
    [TestCase("AT+MQTTSUB=?", "+MQTTSUB")]
    [TestCase("AT+CGSN", "+CGSN")]
    public void A_command_outside_the_catalog_is_unknown_not_an_error(string line, string name)
    {
        var command = AtCommandParser.Parse(line + "\r\n").Unwrap();

        Assert.That(command, Is.EqualTo(new UnknownCommand(line)));
        Assert.That(command.Name, Is.EqualTo(name));
        Assert.That(command.Format(), Is.EqualTo(line));
    }

    [TestCase("ATE0", false)]
    [TestCase("ATE1\r", true)]
    public void Echo_mode_parses(string line, bool on) =>
        Assert.That(AtCommandParser.Parse(line).Value, Is.EqualTo(new EchoMode(on)));

    [TestCase("AT+CGSN=1")]
    [TestCase("AT+MQTTCFG?")]
    [TestCase("AT+MQTTTO=30\r\n")]
    public void Terminators_are_optional(string line) =>
        Assert.That(AtCommandParser.Parse(line).Deviations, Is.Empty);
}
