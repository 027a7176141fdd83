namespace Conformance.Protocol.Commands;

/// <summary>A command line outside this catalog (<c>AT+FOO</c>, <c>ATX</c>); the module answers it with ERROR.</summary>
/// <param name="Text">The line as sent, without terminator.</param>
public sealed record UnknownCommand(string Text) : AtCommand
{
    public override string Name
    {
        get
        {
            var end = Text.IndexOfAny(['=', '?'], Math.Min(2, Text.Length));
            return Text.Length <= 2 ? "" : end < 0 ? Text[2..] : Text[2..end];
        }
    }

    public override string Section => "";

    public override string Format() => Text;
}
