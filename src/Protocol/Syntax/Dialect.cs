namespace Conformance.Protocol.Syntax;

/// <summary>Which way of writing the interface a module speaks (spec §7).</summary>
public enum Dialect
{
    /// <summary>The manual's canonical forms: <c>+MQTTOPEN: OK</c>, quoted topics, <c>+MQTTPINGRSP</c>.</summary>
    Manual,
    /// <summary>What shipping firmware emits: <c>+MQTTOPEN:OK</c>, unquoted topics, <c>+MQTTPINGRESP:OK</c>, inline raw messages.</summary>
    Field,
}
