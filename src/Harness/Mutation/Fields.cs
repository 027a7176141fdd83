using System.Globalization;
using System.Text;

namespace Conformance.Harness.Mutation;

/// <summary>Rewrites of a line <c>+NAME: a,b,c</c> field by field, for mutants of lines without quoted commas.</summary>
public static class Fields
{
    /// <summary>The line with field <paramref name="index"/> (0 = the first after the colon) replaced.</summary>
    public static string Set(string line, int index, Func<string, string> value)
    {
        var colon = line.IndexOf(':');
        var start = colon + 1 < line.Length && line[colon + 1] == ' ' ? colon + 2 : colon + 1;
        var fields = line[start..].Split(',');
        if (index >= fields.Length) return line;
        fields[index] = value(fields[index]);
        return line[..start] + string.Join(',', fields);
    }

    /// <summary>The number after this one: another packet id, another type.</summary>
    public static string Next(string number) =>
        int.TryParse(number, CultureInfo.InvariantCulture, out var n) ? (n + 1).ToString(CultureInfo.InvariantCulture) : number + "1";

    public static string Get(string line, int index)
    {
        var fields = line[(line.IndexOf(':') + 1)..].TrimStart().Split(',');
        return index < fields.Length ? fields[index] : "";
    }

    /// <summary><c>+NAME:value</c>: the form without the space, seen in field firmware (spec §7).</summary>
    public static string WithoutSpace(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? line : line.Remove(colon + 1, 1);
    }

    /// <summary>
    /// A <c>+MQTTPUBLISH</c> line (its message inline or on the next line) whose msg_len counts the message's UTF-8
    /// characters instead of its bytes.
    /// </summary>
    public static string CharacterCount(string line)
    {
        var (start, quoted, commas) = (line.IndexOf(':') + 1, false, 0);
        for (; start < line.Length && commas < 5; start++)
        {
            if (line[start] == '"') quoted = !quoted;
            else if (line[start] == ',' && !quoted) commas++;
        }
        var end = start;
        while (end < line.Length && char.IsAsciiDigit(line[end])) end++;
        var separator = end < line.Length && line[end] == ',' ? 1 : line.AsSpan(end).StartsWith("\r\n") ? 2 : 0;
        if (end == start || separator == 0) return line;
        // Lines are Latin-1, a char per byte: the message's bytes decoded as UTF-8 give its characters.
        var characters = Encoding.UTF8.GetString(LineFilter.Bytes.GetBytes(line[(end + separator)..])).Length;
        return line[..start] + characters.ToString(CultureInfo.InvariantCulture) + line[end..];
    }

    /// <summary>The first quoted field without its quotes.</summary>
    public static string UnquoteFirst(string line)
    {
        var open = line.IndexOf('"');
        var close = open < 0 ? -1 : line.IndexOf('"', open + 1);
        return close < 0 ? line : line[..open] + line[(open + 1)..close] + line[(close + 1)..];
    }
}
