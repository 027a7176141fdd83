using System.Buffers.Binary;
using System.Text;
using Conformance.Fuzz.Tests.Engine;
using Conformance.Protocol.OneNet;
using CsCheck;

namespace Conformance.Fuzz.Tests.Targets;

/// <summary>
/// The <c>$dp</c> decoder (and the hex of <c>AT+MQTTPUB</c> in front of it): a payload or an error at an offset inside
/// the input, never an exception; a payload decoded without deviation encodes again and decodes to the same bytes.
/// </summary>
public sealed class DpDecoderTarget : FuzzTarget
{
    private static readonly string[] Json =
    [
        "{\"temperature\":22.5}", "{\"datastreams\":[{\"id\":\"t\",\"datapoints\":[{\"at\":\"2015-03-22 22:31:12\",\"value\":1}]}]}",
        "{\"temperature\":{\"2015-03-22 22:31:12\":22.5}}", "{\"ds_id\":\"pic\",\"at\":\"2015-03-22 22:31:12\",\"desc\":\"x\"}",
        "{\"a\":\"\\u00e9\\\"\",\"b\":[1,2,{\"c\":null}],\"d\":true,\"e\":-1.5e300}", "{}", "[]", "{\"a\":", "{\"a\":1,\"a\":2}",
    ];

    private static readonly string[] SeparatedTexts = [",;temperature,22.5;humidity,40", ",;a,1", ";,x;1", ",;", ",;t,\"q\";u,1e5"];

    public override string Name => "dp-decoder";

    public override bool Streams => false;

    public override IReadOnlyList<byte[]> Seeds { get; } =
    [
        .. Json.Select(j => Typed(3, j)), Typed(1, Json[1]), Typed(4, Json[2]),
        [.. Typed(2, Json[3]), 0, 0, 0, 3, 1, 2, 3],
        .. SeparatedTexts.Select(t => Typed(5, t)), Typed(6, SeparatedTexts[0]),
        [0x86, 15, 3, 22, 22, 31, 12, .. Typed(6, SeparatedTexts[0])[1..]],
        [7, 0, 1, 0x41, 0xB4, 0, 0, 0, 2, 0x7F, 0xC0, 0, 0], [0x87, 15, 3, 22, 22, 31, 12, 0, 1, 0x41, 0xB4, 0, 0],
        [], [0], [3], [3, 0xFF, 0xFF], [0x83, 0, 0],
    ];

    public override Gen<byte[]> Structured { get; } = Gen.Frequency(
        (3, Gen.Select(Gen.OneOf<byte>(1, 3, 4), Gen.OneOf(Json), (type, json) => Typed(type, json))),
        (2, Gen.Select(Gen.OneOf<byte>(5, 6), Gen.OneOf(SeparatedTexts), (type, text) => Typed(type, text))),
        (2, Gen.Select(Gen.OneOf<byte>(7, 0x87), Gen.Byte.Array[0, 6], Gen.Select(Gen.UShort, Gen.Float).Array[0, 8], (type, time, points) =>
            (byte[])[type, .. type == 0x87 ? time : [], .. points.SelectMany(p => Point(p.Item1, p.Item2))])),
        (1, Gen.Select(Gen.OneOf(Json), Gen.Byte.Array[0, 40], (json, data) =>
            (byte[])[.. Typed(2, json), .. BitConverter.GetBytes(BinaryPrimitives.ReverseEndianness(data.Length)), .. data])));

    public override int ShortIterations => 2000;

    public override void Check(FuzzInput input, Behaviour behaviour)
    {
        Bounds.Allocation("$dp decoding", input.Data.Length, 100, 64 * 1024, () =>
        {
            var decoded = DpDecoder.Decode(input.Data);
            Assert.That(decoded.Success, Is.Not.EqualTo(decoded.Error is not null), "a payload or an error");
            Assert.That(decoded.ErrorPosition, Is.InRange(-1, input.Data.Length), "error offset inside the payload");
            behaviour.Note(decoded.Value is { } payload ? $"payload:{payload.GetType().Name}:{payload.Type}" : $"error:{string.Join(' ', decoded.Error!.Split(' ').Take(4))}");
            foreach (var deviation in decoded.Deviations) behaviour.Note($"deviation:{deviation.Code}");
            if (decoded.Value is { } value && decoded.Deviations.Count == 0)
            {
                var encoded = DpEncoder.Encode(value);
                var again = DpDecoder.Decode(encoded);
                Assert.That(again.Success, $"re-encoded payload does not decode: {again.Error}");
                Assert.That(DpEncoder.Encode(again.Value!), Is.EqualTo(encoded), "decode and encode are not stable");
            }

            // The same bytes as AT+MQTTPUB carries them: hex text, with and without the declared length.
            var hex = DpHex.Format(input.Data);
            Assert.That(DpHex.Parse(hex).Value, Is.EqualTo(input.Data), "hex round trip");
            var broken = DpHex.Parse(Encoding.Latin1.GetString(input.Data), input.Data.Length / 2);
            Assert.That(broken.Success, Is.Not.EqualTo(broken.Error is not null), "hex: a value or an error");
        });
    }

    private static byte[] Typed(byte type, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return [type, (byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];
    }

    private static byte[] Point(ushort id, float value)
    {
        var point = new byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(point, id);
        BinaryPrimitives.WriteSingleBigEndian(point.AsSpan(2), value);
        return point;
    }
}
