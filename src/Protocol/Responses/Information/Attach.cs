using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary><c>+CGATT: &lt;state&gt;</c>: whether the module is attached to the packet domain (manual §4.1).</summary>
public sealed record Attach(bool Attached) : InformationResponse
{
    public override string Format(Dialect dialect) => ResponseText.Line("+CGATT", dialect, Attached ? "1" : "0");

    internal static Attach Read(ResponseReader reader)
    {
        reader.Split("4.1", 1, 1);
        return new Attach(reader.Flag(0, "state"));
    }
}
