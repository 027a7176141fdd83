using Conformance.Protocol.Commands;

namespace Conformance.Protocol.Tests.Commands;

/// <summary>A known command with broken arguments fails, naming the argument, the rule and the character.</summary>
public class MalformedArgumentTests
{
    [TestCase("AT+MQTTSUB=\"t\",3", "qos", "must be 0, 1 or 2 (got 3)", 15)]
    [TestCase("AT+MQTTSUB=\"t\",x", "qos", "must be a decimal number", 15)]
    [TestCase("AT+MQTTSUB=\"t\",1,1", "index", "must be 0", 17)]
    [TestCase("AT+MQTTSUB=\"\",1", "topic", "must not be empty", 12)]
    [TestCase("AT+MQTTCFG=\"h\",0,\"i\",60,\"u\",\"p\",1", "port", "must be from 1 to 65535 (got 0)", 15)]
    [TestCase("AT+MQTTCFG=\"h\",1,\"i\",65536,\"u\",\"p\",1", "keepAlive", "must be from 0 to 65535 (got 65536)", 21)]
    [TestCase("AT+MQTTCFG=\"h\",1,\"i\",6,\"u\",\"p\",2", "clean", "must be 0 or 1 (got 2)", 31)]
    [TestCase("AT+MQTTCFG=\"\",1,\"i\",6,\"u\",\"p\",1", "host", "must not be empty", 12)]
    [TestCase("AT+MQTTOPEN=1,1,0,0,3,\"\",\"\"", "willQos", "must be 0, 1 or 2 (got 3)", 20)]
    [TestCase("AT+MQTTOPEN=1,2,0,0,0,\"\",\"\"", "pwdFlag", "must be 0 or 1 (got 2)", 14)]
    [TestCase("AT+MQTTPUB=\"a/+\",0,0,0,0,\"m\"", "topic", "wildcard '+'", 14)]
    [TestCase("AT+MQTTPUB=\"a/#\",0,0,0,0,\"m\"", "topic", "wildcard '#'", 14)]
    [TestCase("AT+MQTTPUB=\"t\",0,0,0,2,ABC", "message", "even number of hex digits", 25)]
    [TestCase("AT+MQTTPUB=\"t\",0,0,0,2,AZ01", "message", "hex digits", 24)]
    [TestCase("AT+MQTTPUB=\"t\",0,0,0,3,ABCD", "message_len", "must equal the number of bytes of the hex message, 2 (got 3)", 21)]
    [TestCase("AT+MQTTPUB=\"t\",0,0,0,65536,AB", "message_len", "must be from 0 to 65535", 21)]
    [TestCase("AT+MQTTPUB=\"t\",0,2,0,0,\"m\"", "retain", "must be 0 or 1 (got 2)", 17)]
    [TestCase("AT+MQTTPUB=\"t\",0,0,5,0,\"m\"", "dup", "must be 0 or 1 (got 5)", 19)]
    [TestCase("AT+MQTTTO=0", "timeout", "must be from 1 to 65535 (got 0)", 10)]
    [TestCase("AT+MQTTTO=65536", "timeout", "must be from 1 to 65535", 10)]
    [TestCase("AT+MQTTPING=2", "rspEcho", "must be 0 or 1 (got 2)", 12)]
    [TestCase("AT+CGSN=2", "snt", "must be 1", 8)]
    [TestCase("ATE2", "echo", "must be 0 or 1 (got 2)", 3)]
    public void A_broken_rule_names_argument_rule_and_position(string line, string argument, string rule, int position)
    {
        var result = AtCommandParser.Parse(line);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Error, Does.StartWith(argument + ": ").And.Contains(rule));
        Assert.That(result.ErrorPosition, Is.EqualTo(position));
    }

    [TestCase("AT+MQTTSUB=\"t\",1,0,0", "takes 2 or 3 arguments (got 4)", 19)]
    [TestCase("AT+MQTTSUB=", "takes 2 or 3 arguments (got 0)", 11)]
    [TestCase("AT+MQTTCFG=\"h\",1", "takes 7 arguments (got 2)", 16)]
    [TestCase("AT+MQTTPUB=\"t\",1", "takes 6 arguments (got 2)", 16)]
    [TestCase("AT+MQTTUNSUB=\"a\",\"b\"", "takes 1 arguments (got 2)", 17)]
    public void A_wrong_argument_count_names_the_syntax(string line, string rule, int position)
    {
        var result = AtCommandParser.Parse(line);

        Assert.That(result.Error, Does.Contain(line[..line.IndexOf('=')]).And.Contains(rule));
        Assert.That(result.ErrorPosition, Is.EqualTo(position));
    }

    [Test]
    public void An_unclosed_quote_fails_at_the_quote()
    {
        var result = AtCommandParser.Parse("AT+MQTTSUB=\"dev/gsm/u,2");

        Assert.That(result.Error, Does.Contain("not closed"));
        Assert.That(result.ErrorPosition, Is.EqualTo(11));
    }

    [TestCase("")]
    [TestCase("+MQTTDISC")]
    [TestCase(" AT")]
    [TestCase("A")]
    public void A_line_not_starting_with_AT_fails(string line)
    {
        var result = AtCommandParser.Parse(line);

        Assert.That(result.Error, Does.Contain("must start with AT"));
        Assert.That(result.ErrorPosition, Is.Zero);
    }
}
