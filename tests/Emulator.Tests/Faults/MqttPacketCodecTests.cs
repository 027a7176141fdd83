using Conformance.Emulator.Faults;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Conformance.Emulator.Tests.Faults;

public sealed class MqttPacketCodecTests
{
    // A OneNET CONNECT written out by hand (MQTT 3.1.1 §3.1): user name, password and clean session flags (0xC2),
    // keepAlive 60, client id "4069959", user "75829", password "key".
    private const string Connect = "101F" + "00044D515454" + "04" + "C2" + "003C" + "000734303639393539" + "00053735383239" + "00036B6579";

    [Test]
    public void A_connect_reads_as_its_fields()
    {
        var packet = MqttPacketCodec.Decode(new MqttFrame(FrameDirection.ToBroker, Convert.FromHexString(Connect)));

        var connect = (MqttConnectPacket)packet;
        Assert.That((connect.ClientId, connect.Username, connect.KeepAlivePeriod, connect.CleanSession, connect.WillFlag),
            Is.EqualTo(("4069959", "75829", (ushort)60, true, false)));
        Assert.That(connect.Password, Is.EqualTo("key"u8.ToArray()));
    }

    [Test]
    public void A_publish_written_back_has_a_remaining_length_that_counts_its_new_message()
    {
        // QoS 1, topic "t", packet id 7, message "ab".
        var frame = new MqttFrame(FrameDirection.ToBroker, Convert.FromHexString("3207" + "000174" + "0007" + "6162"));
        var publish = (MqttPublishPacket)MqttPacketCodec.Decode(frame);
        publish.PayloadSegment = new byte[200];
        publish.QualityOfServiceLevel = MqttQualityOfServiceLevel.ExactlyOnce;

        var written = MqttPacketCodec.Encode(publish, FrameDirection.ToBroker);

        // 3 + 2 + 200 = 205 = 0xCD 0x01 as a variable byte integer.
        Assert.That(Convert.ToHexString(written.Bytes[..7]), Is.EqualTo("34CD0100017400"));
        Assert.That(written.PacketId, Is.EqualTo(7));
        Assert.That(written.BodyStart, Is.EqualTo(3));
    }
}
