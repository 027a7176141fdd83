using Conformance.Protocol.Codes;

namespace Conformance.Analyzer.Diagnostics;

/// <summary>How many diagnostics of one code a log raised, also those not kept in detail.</summary>
public sealed record DiagnosticCount(string Code, Severity Severity, long Count);
