using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;
using CsCheck;

namespace Conformance.Protocol.Tests.Responses;

/// <summary>Answers to the power-on check and the MQTT read commands, read in the context of the pending command.</summary>
public class InformationParserTests
{
    [TestCase(1, true)]
    [TestCase(5, true)]
    [TestCase(2, false)]
    [TestCase(0, false)]
    public void Registration_check_accepts_home_and_roaming(int stat, bool registered) =>
        Assert.That(((Registration)InformationParser.Parse($"+CEREG: 0,{stat}", "+CEREG").Unwrap()).IsRegistered, Is.EqualTo(registered));

    [Test]
    public void Unknown_signal_has_no_dbm()
    {
        var unknown = (SignalQuality)InformationParser.Parse("+CSQ: 99,99", "+CSQ").Unwrap();
        var strong = (SignalQuality)InformationParser.Parse("+CSQ: 31,0", "+CSQ").Unwrap();

        Assert.That((unknown.HasSignal, unknown.Dbm), Is.EqualTo((false, (int?)null)));
        Assert.That(strong.Dbm, Is.EqualTo(-51));
    }

    [Test]
    public void Bare_line_answering_mqttsub_is_a_topic_even_with_commas() =>
        Assert.That(InformationParser.Parse("a,b/c", "+MQTTSUB").Value, Is.EqualTo(new SubscribedTopic("a,b/c")));

    [Test]
    public void Imei_with_wrong_digit_count_is_kept_and_reported()
    {
        var result = InformationParser.Parse("+CGSN: 86582003123456", "+CGSN");

        Assert.That(result.Value, Is.EqualTo(new Imei("86582003123456")));
        Assert.That(ParsedLine.CodeList(result), Is.EqualTo("imei-not-15-digits"));
    }

    [TestCase("+CGSN: 8658200312X4567", "+CGSN", "digits", 17)]
    [TestCase("+CSQ: 40,99", "+CSQ", "rssi", 6)]
    [TestCase("+CSQ: 31,8", "+CSQ", "ber", 9)]
    [TestCase("+MQTTSTAT: 6", "+MQTTSTAT", "stat", 11)]
    [TestCase("+CGATT: 2", "+CGATT", "state", 8)]
    [TestCase("+MQTTCFG: \"h\",70000,\"id\",60,\"u\",***,1", "+MQTTCFG", "port", 14)]
    [TestCase("+MQTTSUB: dev/gsm/u", "+MQTTSUB", "at most 0 fields", 10)]
    [TestCase("+CSQ: 31,99", "+CGATT", "+CSQ does not answer +CGATT", 0)]
    [TestCase("31,99", "+CSQ", "+CSQ:", 0)]
    [TestCase("", "+CSQ", "empty", 0)]
    public void Bad_answer_is_rejected_with_field_and_position(string line, string command, string named, int position)
    {
        var result = InformationParser.Parse(line, command);

        Assert.That(result.Error, Does.Contain(named));
        Assert.That(result.ErrorPosition, Is.EqualTo(position));
    }

    [Test]
    public void Format_then_parse_gives_the_same_value_in_both_dialects()
    {
        var responses = Gen.OneOf<InformationResponse>(
            Gen.Select(Gen.Int[0, 31], Gen.Int[0, 7], (rssi, ber) => new SignalQuality(rssi, ber)),
            Gen.Select(Gen.Int[0, 2], Gen.Int[0, 5], (n, stat) => new Registration(n, stat)),
            Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[0, 9], (n, stat, act) => new Registration(n, stat, "5A1F", "0C8B2F41", act)),
            Gen.Bool.Select(attached => new Attach(attached)),
            Gen.Char['0', '9'].Array[15].Select(digits => new Imei(new string(digits))),
            Gen.Int[0, 5].Select(stat => new MqttStatus((MqttState)stat)),
            Gen.Select(Gen.Int[0, 65535], Gen.Int[0, 65535], Gen.Bool,
                (port, keepAlive, clean) => new MqttConfig("183.230.40.39", port, "4069959", keepAlive, "75829", "***", clean)),
            Gen.Const<InformationResponse>(new SubscriptionListHeader()));
        Gen.Select(responses, Gen.Bool).Sample((response, manual) =>
        {
            var dialect = manual ? Dialect.Manual : Dialect.Field;
            var command = response is Imei ? "+CGSN" : response.Format(dialect).Split(':')[0];
            var result = InformationParser.Parse(response.Format(dialect), command);
            Assert.That(result.Value, Is.EqualTo(response), result.Error);
            Assert.That(ParsedLine.CodeList(result),
                Is.EqualTo(manual || response is SubscriptionListHeader ? "" : "no-space-after-colon"));
        });
    }
}
