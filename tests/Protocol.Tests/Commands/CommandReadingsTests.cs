using Conformance.Protocol.Commands;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Tests.Commands;

/// <summary>
/// A log's command lines read through <see cref="CommandReadings"/> (publishes read from an earlier one with the same
/// head) give exactly what the parser gives each line alone: value, deviations, error and its position.
/// </summary>
public class CommandReadingsTests
{
    // A device's session as field logs show it: publishes to a few topics whose message changes, in every form the
    // parser treats differently after the same head — text and hex, quotes broken, hex of the wrong length or not hex,
    // a message with quotes, commas and spaces inside, padding after it, the short forms without message_len.
    private static readonly string[] Session =
    [
        "AT+MQTTPUB=\"dev/u\",1,0,0,0,\"t=21\"",
        "AT+MQTTPUB=\"dev/u\",1,0,0,0,\"t=22\"",
        "AT+MQTTPUB=\"dev/u\",1,0,0,0,\"\"",
        "AT+MQTTPUB=\"dev/u\",1,0,0,0,\"a \"quoted\", b\"",
        "AT+MQTTPUB=\"dev/u\",1,0,0,0,\"t=23\" ",
        "AT+MQTTPUB=\"dev/u\",1,0,0,0,\"t=24",
        "AT+MQTTPUB=\"dev/u\",1,0,0,0,\u201Ct=25\u201D",
        "AT+MQTTPUB=\"dev/u\",1,0,0,0,\"t=26\u201D",
        "AT+MQTTPUB=\"dev/u\",1,0,0,0,t=27",
        "AT+MQTTPUB=\"dev/u\",1,0,0,2,\"4935\"",
        "AT+MQTTPUB=\"dev/u\",1,0,0,2,\"E348\"",
        "AT+MQTTPUB=\"dev/u\",1,0,0,2,\"E3\"",
        "AT+MQTTPUB=\"dev/u\",1,0,0,2,\"E3481\"",
        "AT+MQTTPUB=\"dev/u\",1,0,0,2,\"E3G8\"",
        "AT+MQTTPUB=\"dev/u\",1,0,0,2,\"00FF\"",
        "AT+MQTTPUB=\"dev/u\",1,0,0,2,00FF",
        "AT+MQTTPUB=\"dev/s\",2,0,0,0,\"on\"",
        "AT+MQTTPUB=\"dev/s\",2,0,0,0,\"off\"",
        "at+mqttpub=\"dev/s\",2,0,0,0,\"off\"",
        "at+mqttpub=\"dev/s\",2,0,0,0,\"on\"",
        "AT+MQTTPUB=\"dev/s\", 2,0,0,0,\"on\"",
        "AT+MQTTPUB=\"dev/s\", 2,0,0,0,\"off\"",
        "AT+MQTTPUB=\"dev/s\",\"2\",0,0,0,\"on\"",
        "AT+MQTTPUB=\"dev/s\",\"2\",0,0,0,\"off\"",
        "AT+MQTTPUB=\"dev/s\",2,0,0,\"on\"",
        "AT+MQTTPUB=\"dev/s\",2,0,0,\"off\"",
        "AT+MQTTPUB=\"dev/s\",2,0,\"a,b\"",
        "AT+MQTTPUB=\"dev/s\",2,0,\"a,c\"",
        "AT+MQTTPUB=\"dev/s\",2,0,0,x,\"on\"",
        "AT+MQTTPUB=\"dev/s\",2,0,0,x,\"off\"",
        "AT+MQTTPUB=\"dev/#\",2,0,0,0,\"on\"",
        "AT+MQTTPUB=\"dev/#\",2,0,0,0,\"off\"",
        "AT+MQTTPUB=\"dev/s\",3,0,0,0,\"on\"",
        "AT+MQTTPUB=\"dev/s\",3,0,0,0,\"off\"",
        "AT+MQTTPUB=\"$dp\",1,0,0,3,\"010203\"",
        "AT+MQTTPUB=\"$dp\",1,0,0,3,\"0A0B0C\"",
        "AT+MQTTPUB=\"$dp\",1,0,0,3,\"0a0b0c\"",
        "AT+MQTTPUB=\"dev/u\",1,0,0,0,\"t=28\"\r\n",
        "AT+MQTTPUB=\"dev/u\",1,0,0,0,\"t=29\"",
        "AT+CSQ",
        "AT+MQTTPUB=\"dev/u\",1,0,0,0,\"t=30\"",
    ];

    [Test]
    public void Every_line_reads_as_the_parser_reads_it_alone()
    {
        var readings = new CommandReadings();
        foreach (var line in Session.Concat(Session))
        {
            var expected = AtCommandParser.Parse(line);
            var actual = readings.Of(line);
            Assert.Multiple(() =>
            {
                Assert.That(actual.Value, Is.EqualTo(expected.Value), line);
                Assert.That(actual.Deviations.Select(d => d.ToString()), Is.EqualTo(expected.Deviations.Select(d => d.ToString())), line);
                Assert.That((actual.Error, actual.ErrorPosition), Is.EqualTo((expected.Error, expected.ErrorPosition)), line);
            });
        }
    }

    [Test]
    public void A_publish_after_one_with_the_same_head_gets_its_own_message_and_the_heads_deviations()
    {
        var readings = new CommandReadings();
        readings.Of("AT+MQTTPUB=\"dev/s\", 2,0,0,0,\"on\"");
        var next = readings.Of("AT+MQTTPUB=\"dev/s\", 2,0,0,0,\"left, \"right\"\"");

        Assert.That(next.Value, Is.EqualTo(new MqttPub("dev/s", 2, false, false, 0, "left, \"right\"")));
        Assert.That(next.Deviations.Select(d => d.Code), Is.EqualTo(new[] { "space-around-argument" }));
    }
}
