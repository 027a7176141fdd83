using System.Text;
using Conformance.Protocol.Framing;

namespace Conformance.Analyzer.Timeline;

/// <summary>The name a URC is counted under, without a new string for each of the names the protocol knows.</summary>
internal static class UrcName
{
    public const string Other = "(other)";

    /// <summary>The <c>+NAME</c> of a URC line, or <see cref="Other"/> for a line without one.</summary>
    public static string Of(ReadOnlySpan<byte> line)
    {
        if (!line.StartsWith("+"u8)) return Other;
        var name = LineClassifier.NameOf(line);
        return LineClassifier.KnownName(name) ?? Encoding.UTF8.GetString(name);
    }
}
