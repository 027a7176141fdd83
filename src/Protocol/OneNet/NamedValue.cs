namespace Conformance.Protocol.OneNet;

/// <summary>One record of a separated (type 5 or 6) payload: <c>temperature,22.5</c>.</summary>
public readonly record struct NamedValue(string Name, string Value);
