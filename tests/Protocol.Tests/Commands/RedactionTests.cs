using Conformance.Protocol.Commands;

namespace Conformance.Protocol.Tests.Commands;

/// <summary>The MQTTCFG password stays out of everything meant for logs and reports.</summary>
public class RedactionTests
{
    private const string Password = "IIOu0oFUgX7nTK1uzAcnM=";

    [Test]
    public void FormatRedacted_masks_the_password_like_the_module_does()
    {
        var command = Mqtt.Cfg("183.230.40.39", 6002, "4069959", 60, "75829", Password);

        Assert.That(command.FormatRedacted(), Is.EqualTo("AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"***\",1"));
        Assert.That(command.Format(), Does.Contain(Password));
    }

    [Test]
    public void ToString_never_shows_the_password()
    {
        var command = Mqtt.Cfg("h", 1, "i", 60, "u", Password);
        AtCommand asBase = command;

        Assert.That(command.ToString(), Does.Not.Contain(Password).And.Contains("Password = ***").And.Contains("Host = h"));
        Assert.That(asBase.ToString(), Does.Not.Contain(Password));
        Assert.That($"{command}", Does.Not.Contain(Password));
    }

    [Test]
    public void A_parsed_configuration_keeps_the_password_for_use_but_not_for_display()
    {
        var result = AtCommandParser.Parse($"AT+MQTTCFG=\"h\",1,\"i\",60,\"u\",{Password},1");
        var command = (MqttCfg)result.Unwrap();

        Assert.That(command.Password, Is.EqualTo(Password));
        Assert.That(command.FormatRedacted(), Does.Not.Contain(Password));
        Assert.That(command.ToString(), Does.Not.Contain(Password));
        Assert.That(result.Deviations.Select(d => d.Message), Has.None.Contains(Password));
    }

    [Test]
    public void Commands_without_secrets_redact_nothing()
    {
        var command = Mqtt.Pub("t", 1, "payload");

        Assert.That(command.FormatRedacted(), Is.EqualTo(command.Format()));
    }

    [TestCase("AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"IIOu0oFUgX7nTK1uzAcnM=\",1,0,9", "AT+MQTTCFG=***")]
    [TestCase("at+mqttcfg=\"h\",70000,\"i\",60,\"u\",\"IIOu0oFUgX7nTK1uzAcnM=\",1", "at+mqttcfg=***")]
    [TestCase("AT+MQTTSUB=\"dev/gsm/u\",3", "AT+MQTTSUB=\"dev/gsm/u\",3")]
    public void A_cfg_line_that_does_not_parse_is_masked_after_the_equals_sign(string line, string shown)
    {
        Assert.That(AtCommandParser.Parse(line).Success, Is.False);
        Assert.That(MqttCfg.RedactUnparsed(line), Is.EqualTo(shown));
    }
}
