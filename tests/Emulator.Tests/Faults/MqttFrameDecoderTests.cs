using CsCheck;
using Conformance.Emulator.Faults;

namespace Conformance.Emulator.Tests.Faults;

public sealed class MqttFrameDecoderTests
{
    // PINGRESP, a PUBACK for id 0x0102, and a PUBLISH whose remaining length (200) needs two bytes.
    private static readonly byte[][] Packets =
    [
        [0xD0, 0x00],
        [0x40, 0x02, 0x01, 0x02],
        [0x32, 0xC8, 0x01, .. new byte[] { 0x00, 0x03, (byte)'$', (byte)'d', (byte)'p', 0x00, 0x07 }, .. new byte[193]],
    ];

    [Test]
    public void Whole_packets_come_out_however_the_stream_is_cut()
    {
        var stream = Packets.SelectMany(p => p).ToArray();
        Gen.Int[1, stream.Length].Array[1, 20].Sample(cuts =>
        {
            var decoder = new MqttFrameDecoder();
            var frames = new List<byte[]>();
            var at = 0;
            foreach (var cut in cuts.Order().Append(stream.Length))
            {
                if (cut <= at) continue;
                frames.AddRange(decoder.Feed(stream.AsSpan(at, cut - at)));
                at = cut;
            }
            Assert.That(frames, Is.EqualTo(Packets));
        });
    }

    [Test]
    public void Frames_expose_type_and_packet_id()
    {
        var frames = new MqttFrameDecoder().Feed(Packets.SelectMany(p => p).ToArray())
            .Select(bytes => new MqttFrame(FrameDirection.ToClient, bytes)).ToList();

        Assert.That(frames.Select(f => f.Type), Is.EqualTo(new[] { MqttPacketType.PingResp, MqttPacketType.PubAck, MqttPacketType.Publish }));
        Assert.That(frames.Select(f => f.PacketId), Is.EqualTo(new ushort?[] { null, 0x0102, 7 }));
    }

    [Test]
    public void Remaining_length_longer_than_four_bytes_is_rejected_with_its_position()
    {
        var decoder = new MqttFrameDecoder();
        decoder.Feed([0xD0, 0x00]);

        Assert.That(() => decoder.Feed([0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("byte 3").And.Message.Contains("more than 4 bytes"));
    }
}
