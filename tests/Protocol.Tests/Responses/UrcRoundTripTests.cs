using System.Text;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;
using CsCheck;

namespace Conformance.Protocol.Tests.Responses;

/// <summary>What the emulator encodes, the parser reads back as the same value, in both dialects.</summary>
public class UrcRoundTripTests
{
    private const string NoSpace = "no-space-after-colon";

    // No commas or quotes: a bare field-dialect topic cannot hold them.
    private static readonly Gen<string> Topic = Gen.Char["abcxyz0129/$_-+#. \u4E2D"].Array[1, 24].Select(c => new string(c));
    private static readonly Gen<int> Bit = Gen.Int[0, 1];
    private static readonly Gen<int> PacketId = Gen.Int[1, 65535];

    private static readonly Gen<byte[]> Message = Gen.OneOf(
        Gen.Byte.Array[0, 64],
        Gen.Char["ab ,\"\r\n\u201D{}:"].Array[0, 40].Select(c => Encoding.UTF8.GetBytes(c)));

    private static readonly Gen<Urc> Publish = Gen.Select(Bit, Gen.Int[0, 2], Bit, Gen.Int[0, 65535], Topic, Message,
        (dup, qos, retained, id, topic, message) => (Urc)new MqttPublish(dup, qos, retained, id, topic, message));

    private static readonly Gen<Urc>[] Common =
    [
        Gen.Bool.Select(ok => (Urc)new MqttOpenResult(ok)),
        Publish,
        Gen.Select(Bit, PacketId, (dup, id) => (Urc)new PubRec(dup, id)),
        Gen.Select(Bit, PacketId, (dup, id) => (Urc)new PubRel(dup, id)),
        Gen.Select(Bit, PacketId, (dup, id) => (Urc)new PubComp(dup, id)),
        Gen.Const((Urc)new PingResp()),
        Gen.Int[1, 6].Select(type => (Urc)new MqttTimeout((MqttTimeoutType)type)),
        Gen.Int[0, 1000].Select(attempt => (Urc)new MqttReconnect(attempt)),
        Gen.Const((Urc)new MqttDisconnected()),
    ];

    private static readonly Gen<int> SubAckCode = Gen.OneOf(0, 1, 2, SubAck.Failure);

    /// <summary>Values the manual has a canonical form for.</summary>
    private static readonly Gen<Urc> ManualUrc = Gen.OneOf(
    [
        .. Common,
        Gen.Select(PacketId, SubAckCode, Topic, (id, code, topic) => (Urc)new SubAck(id, code, topic)),
        PacketId.Select(id => (Urc)new UnsubAck(id, null)),
        PacketId.Select(id => (Urc)new PubAck(id, 1)),
    ]);

    private static readonly Gen<Urc> AnyUrc = Gen.OneOf(
    [
        .. Common,
        Gen.Select(PacketId, SubAckCode, Topic.Null(), (id, code, topic) => (Urc)new SubAck(id, code, topic)),
        Gen.Select(PacketId, Topic.Null(), (id, topic) => (Urc)new UnsubAck(id, topic)),
        Gen.Select(PacketId, Gen.Int[0, 2], (id, flag) => (Urc)new PubAck(id, flag)),
    ]);

    [Test]
    public void Manual_dialect_round_trips_without_deviations() =>
        ManualUrc.Sample(urc =>
        {
            var result = ParseEncoded(urc, Dialect.Manual);
            Assert.That(result.Value, Is.EqualTo(urc), result.Error);
            Assert.That(result.Deviations, Is.Empty);
        }, iter: 500);

    [Test]
    public void Field_dialect_round_trips_with_the_field_deviations() =>
        AnyUrc.Sample(urc =>
        {
            var result = ParseEncoded(urc, Dialect.Field);
            Assert.That(result.Value, Is.EqualTo(urc), result.Error);
            Assert.That(result.Deviations.Select(d => d.Code), Is.EquivalentTo(FieldDeviations(urc)));
        }, iter: 500);

    [Test]
    public void Field_publish_with_a_text_message_round_trips_as_one_inline_line() =>
        Publish.Where(p => ((MqttPublish)p).MessageText is not null).Sample(urc =>
        {
            var line = Encoding.UTF8.GetString(urc.Encode(Dialect.Field));
            Assert.That(UrcParser.Parse(line).Value, Is.EqualTo(urc));
        });

    [Test]
    public void Manual_publish_puts_the_message_on_the_next_line() =>
        Assert.That(Encoding.UTF8.GetString(new MqttPublish(0, 2, 0, 9, "dev/gsm/u", "update message"u8.ToArray()).Encode(Dialect.Manual)),
            Is.EqualTo("+MQTTPUBLISH: 0,2,0,9,\"dev/gsm/u\",14\r\nupdate message"));

    [TestCase(Dialect.Manual, "+MQTTPINGRSP: OK")]
    [TestCase(Dialect.Field, "+MQTTPINGRESP:OK")]
    public void Ping_report_is_spelled_as_the_dialect_spells_it(Dialect dialect, string expected) =>
        Assert.That(Encoding.UTF8.GetString(new PingResp().Encode(dialect)), Is.EqualTo(expected));

    private static ParseResult<Urc> ParseEncoded(Urc urc, Dialect dialect)
    {
        var encoded = urc.Encode(dialect);
        if (urc is not MqttPublish) return UrcParser.Parse(Encoding.UTF8.GetString(encoded));
        var headerEnd = HeaderEnd(encoded, dialect);
        var message = encoded.AsSpan(headerEnd + (dialect == Dialect.Manual ? 2 : 1));
        return UrcParser.Parse(Encoding.UTF8.GetString(encoded, 0, headerEnd), message);
    }

    // Where the tokenizer stops the header: the line end (manual) or the comma after msg_len (field).
    private static int HeaderEnd(byte[] encoded, Dialect dialect)
    {
        if (dialect == Dialect.Manual) return encoded.AsSpan().IndexOf("\r\n"u8);
        var end = -1;
        for (var commas = 0; commas < 6; commas++) end = Array.IndexOf(encoded, (byte)',', end + 1);
        return end;
    }

    private static string[] FieldDeviations(Urc urc) => urc switch
    {
        PingResp => [NoSpace, "pingresp-spelling"],
        MqttPublish or SubAck { Topic: not null } => [NoSpace, "unquoted-topic"],
        SubAck => [NoSpace, "suback-without-topic"],
        UnsubAck { Topic: not null } => [NoSpace, "topic-in-unsuback"],
        PubAck { Flag: not 1 } => [NoSpace, "puback-second-field"],
        _ => [NoSpace],
    };
}
