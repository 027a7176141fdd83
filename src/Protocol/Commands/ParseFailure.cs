namespace Conformance.Protocol.Commands;

/// <summary>Unwinds the command parser to a <c>Fail</c> result: what is wrong and at which character.</summary>
internal sealed class ParseFailure(string message, int position) : Exception(message)
{
    public int Position { get; } = position;

    public static ParseFailure Argument(string argument, string rule, int position) =>
        new($"{argument}: {rule}", position);
}
