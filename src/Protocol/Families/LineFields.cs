using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Families;

/// <summary>Fields of another family's lines read in place: asked of every line a family sends, so nothing is built to read them.</summary>
internal static class LineFields
{
    /// <summary>
    /// The fields after <paramref name="name"/> and its colon in <paramref name="line"/> (<c>0,0,4</c> of <c>+QMTCONN: 0,0,4</c>);
    /// false when the line is not <c>name:</c>.
    /// </summary>
    public static bool After(string line, string name, out ReadOnlySpan<char> fields)
    {
        fields = default;
        if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length <= name.Length || line[name.Length] != ':') return false;
        fields = line.AsSpan(name.Length + 1);
        return true;
    }

    /// <summary>Field <paramref name="index"/> (0 = first) of <paramref name="fields"/>, trimmed; false when there are fewer.</summary>
    public static bool At(ReadOnlySpan<char> fields, int index, out ReadOnlySpan<char> field)
    {
        for (var i = 0; i < index; i++)
        {
            var comma = fields.IndexOf(',');
            if (comma < 0)
            {
                field = default;
                return false;
            }
            fields = fields[(comma + 1)..];
        }
        var end = fields.IndexOf(',');
        field = (end < 0 ? fields : fields[..end]).Trim();
        return true;
    }

    /// <summary>True when <paramref name="commandLine"/> is the command named <paramref name="name"/> (<c>+MQTTCLEAN</c>), in any case.</summary>
    public static bool IsCommand(string? commandLine, string name) =>
        commandLine is not null && CommandLine.TryReadName(commandLine, out var written, out _, out _) && written.Equals(name, StringComparison.OrdinalIgnoreCase);
}
