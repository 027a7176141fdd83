using Conformance.Analyzer.Readers;

namespace Conformance.Fleet.Ingest;

/// <summary>How to read every log of a fleet.</summary>
/// <param name="Format">Read every log as this format instead of detecting each one's.</param>
/// <param name="ShowSecrets">Keep secrets as sent instead of <c>***</c> (the secret policy).</param>
public sealed record FleetOptions(LogFormat? Format = null, bool ShowSecrets = false);
