using System.Buffers.Binary;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.OneNet;

/// <summary>Decodes and validates the binary <c>$dp</c> payloads of spec §6. Never throws on bad input.</summary>
public static class DpDecoder
{
    private const byte TimeFlag = 0x80;

    /// <summary>The typed payload, or an error that says what is wrong and at which byte offset (ErrorPosition).</summary>
    public static ParseResult<DpPayload> Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty) return ParseResult<DpPayload>.Fail("empty payload: no type byte at offset 0", 0);
        var header = payload[0];
        var type = (DpType)(header & ~TimeFlag);
        var timed = (header & TimeFlag) != 0;
        if (type is < DpType.Datastreams or > DpType.Float || timed && type < DpType.TimedSeparated)
            return ParseResult<DpPayload>.Fail($"unknown type byte 0x{header:X2} at offset 0", 0);

        var cursor = new DpCursor(payload, 1);
        DateTime? at = null;
        if (timed)
        {
            if (!cursor.TryTime(out var time)) return Failure(cursor);
            at = time;
        }
        return type switch
        {
            DpType.Binary => DecodeBinary(ref cursor),
            DpType.Separated or DpType.TimedSeparated => DecodeSeparated(ref cursor, type, at),
            DpType.Float => DecodeFloats(ref cursor, at),
            _ => DecodeJson(ref cursor, type),
        };
    }

    private static ParseResult<DpPayload> DecodeJson(ref DpCursor cursor, DpType type)
    {
        if (!cursor.TryLengthPrefixed(2, "JSON", out var json, out var offset) || !cursor.TryEnd("JSON")) return Failure(cursor);
        var text = DpText.Decode(json, offset, "JSON");
        if (text.Value is null) return Forward(text);
        var points = DpJsonReader.Read(type, json, offset);
        return points.Success ? ParseResult<DpPayload>.Ok(new JsonDataPoints(type, text.Value)) : Forward(points);
    }

    private static ParseResult<DpPayload> DecodeBinary(ref DpCursor cursor)
    {
        if (!cursor.TryLengthPrefixed(2, "JSON", out var json, out var offset)) return Failure(cursor);
        var text = DpText.Decode(json, offset, "JSON");
        if (text.Value is null) return Forward(text);
        var points = DpJsonReader.Read(DpType.Binary, json, offset);
        if (!points.Success) return Forward(points);
        if (!cursor.TryLengthPrefixed(4, "binary data", out var data, out _) || !cursor.TryEnd("binary data")) return Failure(cursor);
        return ParseResult<DpPayload>.Ok(new BinaryDataPoint(text.Value, data.ToArray()));
    }

    private static ParseResult<DpPayload> DecodeSeparated(ref DpCursor cursor, DpType type, DateTime? at)
    {
        if (!cursor.TryLengthPrefixed(2, "text", out var bytes, out var offset) || !cursor.TryEnd("text")) return Failure(cursor);
        var text = DpText.Decode(bytes, offset, "text");
        if (text.Value is not { } value) return Forward(text);
        var fields = SeparatedText.Read(value, bytes, offset);
        return fields.Value is { } f
            ? ParseResult<DpPayload>.Ok(new SeparatedDataPoints(type, value[0], value[1], f, at))
            : Forward(fields);
    }

    private static ParseResult<DpPayload> DecodeFloats(ref DpCursor cursor, DateTime? at)
    {
        var offset = cursor.Position;
        var data = cursor.TakeRest();
        if (data.IsEmpty) return ParseResult<DpPayload>.Fail($"no float data points at offset {offset}", offset);
        if (data.Length % FloatDataPoints.PointSize is var extra and not 0)
            return ParseResult<DpPayload>.Fail(
                $"float data at offset {offset} is {DpText.Bytes(data.Length)}, not a multiple of {FloatDataPoints.PointSize} " +
                $"(2-byte datastream id, 4-byte float): {DpText.Bytes(extra)} left over at offset {offset + data.Length - extra}",
                offset + data.Length - extra);
        var values = new List<FloatDataPoint>();
        for (var i = 0; i < data.Length; i += FloatDataPoints.PointSize)
            values.Add(new FloatDataPoint(
                BinaryPrimitives.ReadUInt16BigEndian(data[i..]), BinaryPrimitives.ReadSingleBigEndian(data[(i + 2)..])));
        return ParseResult<DpPayload>.Ok(new FloatDataPoints(values, at));
    }

    private static ParseResult<DpPayload> Failure(DpCursor cursor) => ParseResult<DpPayload>.Fail(cursor.Error!, cursor.ErrorOffset);

    private static ParseResult<DpPayload> Forward<T>(ParseResult<T> failed) where T : class =>
        ParseResult<DpPayload>.Fail(failed.Error!, failed.ErrorPosition);
}
