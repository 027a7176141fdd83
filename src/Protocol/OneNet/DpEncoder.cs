using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Conformance.Protocol.OneNet;

/// <summary>Builds the bytes of a <c>$dp</c> payload from its typed value, refusing values the layout cannot carry.</summary>
public static class DpEncoder
{
    private const byte TimeFlag = 0x80;
    private const string ParamName = "payload";

    /// <summary>The payload bytes; <see cref="DpHex.Format"/> turns them into the hex of <c>AT+MQTTPUB</c>.</summary>
    /// <exception cref="ArgumentException">The value breaks a rule of its layout; the message names the rule and the part.</exception>
    public static byte[] Encode(DpPayload payload)
    {
        var output = new ArrayBufferWriter<byte>();
        switch (payload)
        {
            case JsonDataPoints json:
                if (json.Type is not (DpType.Datastreams or DpType.SimpleJson or DpType.TimedJson))
                    throw Invalid($"Type {json.Type} is not a JSON data-point type (1, 3 or 4)");
                output.Write([(byte)json.Type]);
                WriteLengthPrefixed(output, CheckJson(json.Type, json.Json), 2, "Json");
                break;
            case BinaryDataPoint binary:
                output.Write([(byte)DpType.Binary]);
                WriteLengthPrefixed(output, CheckJson(DpType.Binary, binary.Json), 2, "Json");
                WriteLengthPrefixed(output, binary.Data, 4, "Data");
                break;
            case SeparatedDataPoints separated:
                CheckSeparated(separated);
                WriteType(output, separated.Type, separated.At);
                WriteLengthPrefixed(output, Encoding.UTF8.GetBytes(separated.Text), 2, "Text");
                break;
            case FloatDataPoints floats:
                if (floats.Values.Count == 0) throw Invalid("Values is empty: type 7 needs at least one data point");
                WriteType(output, DpType.Float, floats.At);
                foreach (var value in floats.Values)
                {
                    var point = output.GetSpan(FloatDataPoints.PointSize);
                    BinaryPrimitives.WriteUInt16BigEndian(point, value.DatastreamId);
                    BinaryPrimitives.WriteSingleBigEndian(point[2..], value.Value);
                    output.Advance(FloatDataPoints.PointSize);
                }
                break;
            default:
                throw Invalid($"{payload.GetType().Name} is not a known $dp payload");
        }
        return output.WrittenSpan.ToArray();
    }

    private static byte[] CheckJson(DpType type, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var read = DpJsonReader.Read(type, bytes, 0);
        return read.Success ? bytes : throw Invalid($"Json is not a type {(int)type} JSON: {read.Error} (offsets within the JSON)");
    }

    private static void CheckSeparated(SeparatedDataPoints p)
    {
        if (p.Type is not (DpType.Separated or DpType.TimedSeparated))
            throw Invalid($"Type {p.Type} is not a separated type (5 or 6)");
        if (p.At is not null && p.Type != DpType.TimedSeparated)
            throw Invalid("At is set, but only type 6 carries a time");
        if (p.FieldSeparator == p.RecordSeparator)
            throw Invalid($"FieldSeparator and RecordSeparator are both '{p.FieldSeparator}'");
        if (char.IsSurrogate(p.FieldSeparator) || char.IsSurrogate(p.RecordSeparator))
            throw Invalid("FieldSeparator or RecordSeparator is half of a surrogate pair; each must be one UTF-16 character");
        if (p.Fields.Count == 0) throw Invalid("Fields is empty: the text needs at least one record");
        for (var i = 0; i < p.Fields.Count; i++)
        {
            var (name, value) = p.Fields[i];
            if (name.Length == 0) throw Invalid($"Fields[{i}].Name is empty");
            if ($"{name}{value}".IndexOfAny([p.FieldSeparator, p.RecordSeparator]) >= 0)
                throw Invalid($"Fields[{i}] (\"{name}\") contains a separator ('{p.FieldSeparator}' or '{p.RecordSeparator}')");
        }
    }

    private static void WriteType(ArrayBufferWriter<byte> output, DpType type, DateTime? at)
    {
        if (at is not { } time)
        {
            output.Write([(byte)type]);
            return;
        }
        if (DpTime.CheckWritable(time, binary: true) is { } error) throw Invalid($"At: {error}");
        var header = output.GetSpan(1 + DpTime.BinarySize);
        header[0] = (byte)((byte)type | TimeFlag);
        DpTime.WriteBinary(time, header[1..]);
        output.Advance(1 + DpTime.BinarySize);
    }

    private static void WriteLengthPrefixed(ArrayBufferWriter<byte> output, byte[] content, int size, string name)
    {
        var max = size == 2 ? ushort.MaxValue : uint.MaxValue;
        if (content.LongLength > max)
            throw Invalid($"{name} is {DpText.Bytes(content.LongLength)}, more than the {max} a {size}-byte length can declare");
        var length = output.GetSpan(size);
        if (size == 2) BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)content.Length);
        else BinaryPrimitives.WriteUInt32BigEndian(length, (uint)content.Length);
        output.Advance(size);
        output.Write(content);
    }

    // Every rule is about Encode's one argument, whichever helper finds the break.
#pragma warning disable CA2208
    private static ArgumentException Invalid(string rule) => new($"payload.{rule}", ParamName);
#pragma warning restore CA2208
}
