using System.Text;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>Writes response lines the way each dialect does.</summary>
internal static class ResponseText
{
    /// <summary><c>+NAME: args</c> in the manual, <c>+NAME:args</c> in the field (spec §7).</summary>
    public static string Line(string name, Dialect dialect, string arguments) =>
        dialect == Dialect.Manual ? $"{name}: {arguments}" : $"{name}:{arguments}";

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Topics are quoted in the manual and bare in the field.</summary>
    public static string Topic(string topic, Dialect dialect) =>
        dialect == Dialect.Manual ? $"\"{topic}\"" : topic;
}
