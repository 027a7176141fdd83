using Conformance.Protocol.Catalog;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>An unsolicited result code: a line the module sends on its own, not as the answer to a command.</summary>
public abstract record Urc
{
    /// <summary>The name before the colon as the manual spells it, e.g. <c>+MQTTSUBACK</c> (from the catalog).</summary>
    public string Name => Entry.Name;

    /// <summary>The manual section that defines the URC's canonical form (from the catalog).</summary>
    public string Section => Entry.Section;

    private UrcEntry Entry => ProtocolCatalog.Urc(GetType());

    /// <summary>The exact bytes the module emits for this URC between the framing line ends.</summary>
    public virtual byte[] Encode(Dialect dialect) => ResponseText.Bytes(ResponseText.Line(Name, dialect, Arguments(dialect)));

    /// <summary>Everything after <c>NAME:</c> and its space.</summary>
    private protected abstract string Arguments(Dialect dialect);
}
