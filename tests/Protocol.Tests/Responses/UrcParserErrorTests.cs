using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Tests.Responses;

/// <summary>Lines that cannot be understood give an error naming the field and the character, never an exception.</summary>
public class UrcParserErrorTests
{
    [TestCase("+MQTTSUBACK: x,2", "packId", 13)]
    [TestCase("+MQTTSUBACK: 5,3", "code", 15)]
    [TestCase("+MQTTPUBLISH: 0,3,0,9,\"t\",1,a", "qos", 16)]
    [TestCase("+MQTTPUBLISH: 0,0,0,9,\"t\",-1,a", "msg_len", 26)]
    [TestCase("+MQTTPUBLISH: 0,0,0,9,\"t,1", "not closed", 22)]
    [TestCase("+MQTTPUBREC: 2,5", "dup", 13)]
    [TestCase("+MQTTTO: 7", "type", 9)]
    [TestCase("+MQTTOPEN: MAYBE", "result", 11)]
    [TestCase("+MQTTPUBACK: 1", "needs at least 2 fields", 14)]
    [TestCase("+MQTTPUBACK: 1,1,1", "at most 2 fields", 17)]
    [TestCase("+MQTTFOO: 1", "+MQTTFOO", 0)]
    [TestCase("MQTTOPEN: OK", "'+'", 0)]
    [TestCase("+MQTTOPEN OK", "missing ':'", 12)]
    [TestCase("", "empty", 0)]
    public void Bad_line_is_rejected_with_field_and_position(string line, string named, int position)
    {
        var result = UrcParser.Parse(line);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Error, Does.Contain(named));
        Assert.That(result.ErrorPosition, Is.EqualTo(position));
    }

    [Test]
    public void Message_given_both_inline_and_as_bytes_is_rejected()
    {
        var result = UrcParser.Parse("+MQTTPUBLISH:0,0,0,0,t,1,a", "a"u8);

        Assert.That(result.Error, Does.Contain("both inline and as separate bytes"));
        Assert.That(result.ErrorPosition, Is.EqualTo(25));
    }

    [Test]
    public void Unwrap_of_a_bad_line_throws_with_the_position() =>
        Assert.That(() => UrcParser.Parse("+MQTTTO: 9").Unwrap(),
            Throws.TypeOf<FormatException>().With.Message.Contains("type").And.Message.Contains("character 10"));

    [TestCase("+MQTTSUBACK", true)]
    [TestCase("+MQTTPUBLISH", true)]
    [TestCase("+MQTTPINGRESP", true)]
    [TestCase("+MQTTDISC", true)]
    [TestCase("+MQTTREC", true)]
    [TestCase("+MQTTTO", true)]
    [TestCase("+MQTTSTAT", false)]
    [TestCase("+MQTTSUB", false)]
    [TestCase("+MQTTCFG", false)]
    [TestCase("+CSQ", false)]
    public void Only_names_that_never_answer_a_command_are_always_urcs(string name, bool always) =>
        Assert.That(UrcParser.IsAlwaysUrc(System.Text.Encoding.ASCII.GetBytes(name)), Is.EqualTo(always));
}
