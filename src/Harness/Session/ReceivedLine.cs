using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Session;

/// <summary>An information response line of the pending command, parsed against the command's name.</summary>
public sealed record ReceivedLine(string Text, ParseResult<InformationResponse> Parsed, int TraceLine);
