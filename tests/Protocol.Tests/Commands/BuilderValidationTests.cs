using Conformance.Protocol.Commands;

namespace Conformance.Protocol.Tests.Commands;

/// <summary>Builders refuse arguments the manual does not allow, naming the argument and the rule.</summary>
public class BuilderValidationTests
{
    private static IEnumerable<TestCaseData> BrokenRules()
    {
        TestCaseData Case(string argument, string rule, Func<AtCommand> build) =>
            new TestCaseData(build, argument, rule).SetArgDisplayNames($"{argument}: {rule}");

        yield return Case("qos", "must be 0, 1 or 2 (got 3)", () => Mqtt.Sub("t", 3));
        yield return Case("qos", "must be 0, 1 or 2 (got -1)", () => Mqtt.Pub("t", -1, "m"));
        yield return Case("willQos", "must be 0, 1 or 2 (got 3)", () => Mqtt.Open(willQos: 3));
        yield return Case("port", "must be from 1 to 65535 (got 0)", () => Mqtt.Cfg("h", 0, "i", 60, "u", "p"));
        yield return Case("port", "must be from 1 to 65535 (got 65536)", () => Mqtt.Cfg("h", 65536, "i", 60, "u", "p"));
        yield return Case("keepAlive", "must be from 0 to 65535 (got -1)", () => Mqtt.Cfg("h", 1, "i", -1, "u", "p"));
        yield return Case("host", "must not be empty", () => Mqtt.Cfg("", 1, "i", 60, "u", "p"));
        yield return Case("rspEcho", "must be 0 or 1 (got 2)", () => Mqtt.Ping(2));
        yield return Case("index", "must be 0, the only index the module supports (got 1)", () => Mqtt.Sub("t", 0, 1));
        yield return Case("seconds", "must be from 1 to 65535 (got 0)", () => Mqtt.Timeout(0));
        yield return Case("seconds", "must be from 1 to 65535 (got 65536)", () => Mqtt.Timeout(65536));
        yield return Case("topic", "must not be empty", () => Mqtt.Sub("", 0));
        yield return Case("topic", "must not be empty", () => Mqtt.Unsub(""));
        yield return Case("topic", "must not be empty", () => Mqtt.Pub("", 0, "m"));
        yield return Case("topic", "must not contain the wildcard '+' (found at character 3); wildcards are for subscriptions", () => Mqtt.Pub("a/+/b", 0, "m"));
        yield return Case("topic", "must not contain the wildcard '#' (found at character 3); wildcards are for subscriptions", () => Mqtt.PubHex("a/#", 0, [1]));
        yield return Case("bytes", "must be from 1 to 65535 (got 0)", () => Mqtt.PubHex("t", 0, []));
        yield return Case("bytes", "must be from 1 to 65535 (got 65536)", () => Mqtt.PubHex("t", 0, new byte[65536]));
        yield return Case("text", "cannot contain '\"' in a quoted AT string (found at character 4)", () => Mqtt.Pub("t", 0, "say\"hi"));
        yield return Case("text", "cannot contain CR in a quoted AT string (found at character 2)", () => Mqtt.Pub("t", 0, "a\rb"));
        yield return Case("text", "cannot contain LF in a quoted AT string (found at character 1)", () => Mqtt.Pub("t", 0, "\n"));
        yield return Case("text", "cannot contain NUL in a quoted AT string (found at character 3)", () => Mqtt.Pub("t", 0, "ab\0"));
        yield return Case("password", "cannot contain '\"' in a quoted AT string (found at character 1)", () => Mqtt.Cfg("h", 1, "i", 60, "u", "\"p"));
        yield return Case("topic", "cannot contain '\u201D' in a quoted AT string (found at character 2)", () => Mqtt.Sub("a\u201D", 0));
        yield return Case("willTopic", "cannot contain LF in a quoted AT string (found at character 1)", () => Mqtt.Open(willTopic: "\nx"));
        yield return Case("willMessage", "cannot contain '\"' in a quoted AT string (found at character 1)", () => Mqtt.Open(willMessage: "\""));
        yield return Case("id", "cannot contain CR in a quoted AT string (found at character 1)", () => Mqtt.Cfg("h", 1, "\r", 60, "u", "p"));
        yield return Case("user", "cannot contain NUL in a quoted AT string (found at character 1)", () => Mqtt.Cfg("h", 1, "i", 60, "\0", "p"));
    }

    [TestCaseSource(nameof(BrokenRules))]
    public void A_broken_rule_throws_naming_argument_and_rule(Func<AtCommand> build, string argument, string rule)
    {
        var error = Assert.Throws<AtArgumentException>(() => build())!;

        Assert.That(error.Argument, Is.EqualTo(argument));
        Assert.That(error.ParamName, Is.EqualTo(argument));
        Assert.That(error.Rule, Is.EqualTo(rule));
        Assert.That(error.Message, Is.EqualTo($"{argument}: {rule}"));
    }

    [Test]
    public void Allowed_edges_are_accepted()
    {
        Assert.That(Mqtt.Cfg("h", 65535, "", 0, "", "", clean: false).Format(), Is.EqualTo("AT+MQTTCFG=\"h\",65535,\"\",0,\"\",\"\",0"));
        Assert.That(Mqtt.Timeout(65535).Format(), Is.EqualTo("AT+MQTTTO=65535"));
        Assert.That(Mqtt.Sub("a/+/#", 2, 0).Format(), Is.EqualTo("AT+MQTTSUB=\"a/+/#\",2,0"));
        Assert.That(Mqtt.Pub("t", 0, "\u201Cquoted\u201D, \u4F60\u597D").Format(), Is.EqualTo("AT+MQTTPUB=\"t\",0,0,0,0,\"\u201Cquoted\u201D, \u4F60\u597D\""));
        Assert.That(Mqtt.PubHex("t", 0, new byte[65535]).MessageLength, Is.EqualTo(65535));
    }
}
