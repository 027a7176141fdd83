using System.Text;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.OneNet;

/// <summary>Reads the records of type 5/6 text (<c>,;temperature,22.5;humidity,40</c>), with byte offsets in errors.</summary>
internal static class SeparatedText
{
    /// <param name="text">The decoded text.</param>
    /// <param name="bytes">The same text as UTF-8, to turn character positions into byte offsets.</param>
    /// <param name="offset">Where the text starts in the payload.</param>
    public static ParseResult<List<NamedValue>> Read(string text, ReadOnlySpan<byte> bytes, int offset)
    {
        if (text.Length < 2)
            return Fail($"missing separators: the text at offset {offset} must start with a field and a record separator", offset);
        char field = text[0], record = text[1];
        if (field == record)
            return Fail($"the field and record separators at offset {offset} are both '{field}'", offset);
        if (char.IsSurrogate(field) || char.IsSurrogate(record))
            return Fail($"the separators at offset {offset} must each be one UTF-16 character", offset);
        if (text.Length == 2)
            return Fail($"no records after the separators at offset {offset + bytes.Length}", offset + bytes.Length);

        var fields = new List<NamedValue>();
        var start = 2;
        foreach (var part in text[2..].Split(record))
        {
            var at = offset + Encoding.UTF8.GetByteCount(text.AsSpan(0, start));
            var split = part.IndexOf(field);
            if (split < 0)
                return Fail($"missing separator: the record \"{part}\" at offset {at} has no field separator '{field}'", at);
            if (part.IndexOf(field, split + 1) >= 0)
                return Fail($"the record \"{part}\" at offset {at} has more than one field separator '{field}'", at);
            if (split == 0)
                return Fail($"the record \"{part}\" at offset {at} has an empty datastream name", at);
            fields.Add(new NamedValue(part[..split], part[(split + 1)..]));
            start += part.Length + 1;
        }
        return ParseResult<List<NamedValue>>.Ok(fields);
    }

    private static ParseResult<List<NamedValue>> Fail(string error, int offset) => ParseResult<List<NamedValue>>.Fail(error, offset);
}
