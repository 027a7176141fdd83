using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Families;

/// <summary>A command name a family shares with other sets, and the field shape that marks the family's use of it.</summary>
/// <param name="Name">The name after AT: <c>+MQTTSUB</c>.</param>
/// <param name="Shape">True for a line written in the family's form.</param>
public sealed record ShapedName(string Name, Func<CommandLine, bool> Shape);
