using Conformance.Protocol.Framing;
using Conformance.Protocol.Interpretation;
using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Tests.Responses;

/// <summary>ML302 firmware's URCs, as a customer's notes show them: read with their values, departures as notes.</summary>
public class Ml302Tests
{
    [Test]
    public void Ping_report_with_a_space_is_the_manual_form()
    {
        var result = UrcParser.Parse("+MQTTPINGRSP: OK");

        Assert.That(result.Value, Is.EqualTo(new PingResp()));
        Assert.That(result.Deviations, Is.Empty);
    }

    [Test]
    public void Subscribe_ack_without_space_and_quotes_keeps_its_topic()
    {
        var result = UrcParser.Parse("+MQTTSUBACK:1,0,car-manager/lock");

        Assert.That(result.Value, Is.EqualTo(new SubAck(1, 0, "car-manager/lock")));
        Assert.That(result.Deviations.Select(d => d.Code), Is.EqualTo(new[] { "no-space-after-colon", "unquoted-topic" }));
    }

    [Test]
    public void A_quoted_text_message_counted_with_its_quotes_is_the_text_between_them()
    {
        var result = UrcParser.Parse("+MQTTPUBLISH: 0,0,0,0,\"car-manager/lock\",8,\"UNLOCK\"");

        var publish = (MqttPublish)result.Unwrap();
        Assert.That((publish.Topic, publish.MessageText), Is.EqualTo(("car-manager/lock", "UNLOCK")));
        Assert.That(result.Deviations.Select(d => d.Code), Is.EqualTo(new[] { "quoted-message" }));
    }

    // Quotes msg_len counts (`8,"UNLOCK"`) and quotes it does not count (`4,"open"`): either way the text between them.
    [TestCase("+MQTTPUBLISH: 0,0,0,0,\"car-manager/lock\",8,\"UNLOCK\"", "UNLOCK")]
    [TestCase("+MQTTPUBLISH:0,0,0,0,car-manager/lock,4,\"open\"", "open")]
    public void The_tokenizer_and_the_interpreter_read_the_same_message(string line, string text)
    {
        var tokenizer = new AtTokenizer();
        ReadOnlySpan<byte> input = System.Text.Encoding.ASCII.GetBytes($"\r\n{line}\r\n");

        Assert.That(tokenizer.TryRead(ref input, out var frame, isFinalBlock: true), Is.True);
        var meaning = FrameInterpreter.Interpret(frame);

        Assert.That(((MqttPublish)meaning.Value!).MessageText, Is.EqualTo(text));
        Assert.That(meaning.Deviations.Select(d => d.Code), Does.Contain("quoted-message").And.Not.Contain("message-len-mismatch"));
    }

    [Test]
    public void A_field_dialect_message_after_a_bare_topic_keeps_its_quotes()
    {
        // M5310-A field firmware sends the message raw: quotes there are the publisher's bytes.
        var result = UrcParser.Parse("+MQTTPUBLISH:0,0,0,0,pyr,4,\"ab\"");

        Assert.That(((MqttPublish)result.Unwrap()).MessageText, Is.EqualTo("\"ab\""));
        Assert.That(result.Deviations.Select(d => d.Code), Does.Not.Contain("quoted-message"));
    }

    [Test]
    public void A_message_on_the_next_line_keeps_its_quotes()
    {
        var result = UrcParser.Parse("+MQTTPUBLISH: 0,0,0,0,\"t\",4", "\"ab\""u8);

        Assert.That(((MqttPublish)result.Unwrap()).MessageText, Is.EqualTo("\"ab\""));
        Assert.That(result.Deviations, Is.Empty);
    }
}
