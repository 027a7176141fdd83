using Conformance.Protocol.Commands;

namespace Conformance.Protocol.Tests.Commands;

/// <summary>M5311 firmware, a sibling of the M5310-A, writes some commands differently: read, with a note each.</summary>
public class SiblingFirmwareTests
{
    [Test]
    public void M5311_configuration_with_eight_unquoted_arguments_keeps_every_value()
    {
        var result = AtCommandParser.Parse("AT+MQTTCFG=broker.emqx.io,1883,110,300,M5Hard,hades,0,0");

        Assert.That(result.Value, Is.EqualTo(new MqttCfg("broker.emqx.io", 1883, "110", 300, "M5Hard", "hades", false) { Extra = "0" }));
        Assert.That(result.Deviations.Select(d => d.Code).Distinct(), Is.EquivalentTo(new[] { "mqttcfg-eighth-argument", "unquoted-string" }));
        Assert.That(result.Deviations.Select(d => d.Section), Is.All.EqualTo("1.1"));
    }

    [Test]
    public void A_password_of_a_comma_and_digits_is_read_whole_and_no_message_quotes_its_digits()
    {
        // Eight arguments, but `12` is no flag where M5311's clean stands: the manual's seven, the password `ab,12`.
        var result = AtCommandParser.Parse("AT+MQTTCFG=host,6002,dev1,60,prod1,ab,12,1");

        Assert.That(result.Value, Is.EqualTo(new MqttCfg("host", 6002, "dev1", 60, "prod1", "ab,12", true)));
        Assert.That(result.Deviations.Select(d => d.Code).Distinct(), Is.EqualTo(new[] { "unquoted-string" }));
    }

    [Test]
    public void The_eighth_argument_is_written_back_and_the_password_still_hidden()
    {
        var cfg = AtCommandParser.Parse("AT+MQTTCFG=\"h\",1883,\"id\",60,\"u\",\"pa55word\",1,0").Unwrap();

        Assert.That(cfg.Format(), Is.EqualTo("AT+MQTTCFG=\"h\",1883,\"id\",60,\"u\",\"pa55word\",1,0"));
        Assert.That(cfg.FormatRedacted(), Is.EqualTo("AT+MQTTCFG=\"h\",1883,\"id\",60,\"u\",\"***\",1,0"));
        Assert.That(cfg.ToString(), Does.Not.Contain("pa55word"));
    }

    [TestCase("AT+MQTTOPEN=1,1,0", false, 0)]
    [TestCase("AT+MQTTOPEN=1,1,0,1,2", true, 2)]
    public void M5311_open_without_the_will_arguments_is_read_as_no_will(string line, bool willRetain, int willQos)
    {
        var result = AtCommandParser.Parse(line);

        Assert.That(result.Value, Is.EqualTo(new MqttOpen(true, true, false, willRetain, willQos, "", "")));
        Assert.That(result.Deviations.Select(d => d.Code), Is.EqualTo(new[] { "will-fields-omitted" }));
    }

    [TestCase("AT+MQTTOPEN=1,1,1", "takes 7 arguments (got 3)")]
    [TestCase("AT+MQTTOPEN=1,1,0,0", "takes 7 arguments (got 4)")]
    public void A_will_requested_but_not_given_is_still_an_error(string line, string error) =>
        Assert.That(AtCommandParser.Parse(line).Error, Does.Contain(error));

    [Test]
    public void M5311_subscribe_with_the_index_argument_is_the_manual_form()
    {
        var result = AtCommandParser.Parse("AT+MQTTSUB=\"t\",0,0");

        Assert.That(result.Value, Is.EqualTo(new MqttSub("t", 0, 0)));
        Assert.That(result.Deviations, Is.Empty);
    }

    [Test]
    public void M5311_driver_publish_with_bare_topic_and_text_keeps_the_text_verbatim()
    {
        var result = AtCommandParser.Parse("AT+MQTTPUB=pyr,1,0,0,0,NB-Iot Test \r\n");

        Assert.That(result.Value, Is.EqualTo(new MqttPub("pyr", 1, false, false, 0, "NB-Iot Test ")));
        Assert.That(result.Deviations.Select(d => d.Code), Is.EqualTo(new[] { "unquoted-string", "unquoted-string" }));
    }

    [Test]
    public void ML302_publish_with_text_and_no_message_len_is_read()
    {
        var result = AtCommandParser.Parse("AT+MQTTPUB=\"car-manager/sensor\",0,0,0,\"nihao\"");

        Assert.That(result.Value, Is.EqualTo(new MqttPub("car-manager/sensor", 0, false, false, 0, "nihao")));
        Assert.That(result.Deviations.Select(d => d.Code), Is.EqualTo(new[] { "missing-message-len" }));
    }
}
