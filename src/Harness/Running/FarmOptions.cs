using Conformance.Harness.Links;
using Conformance.Protocol.Secrets;

namespace Conformance.Harness.Running;

/// <summary>How every module of a farm is run.</summary>
/// <param name="Options">How scenarios are judged.</param>
/// <param name="Links">Makes each module's link; every run gets its own clock in <see cref="LinkSettings.Time"/>.</param>
/// <param name="Secrets">Masked in every trace and report.</param>
/// <param name="Traces">The folder of the traces, one <c>NAME.trace</c> per module.</param>
/// <param name="RealTime">Run in-process modules and replays on the system clock.</param>
/// <param name="Settings">The link settings other than the clock.</param>
/// <param name="DialectOf">The dialect an in-process link speaks, for its trace header; null for other links.</param>
public sealed record FarmOptions(
    RunOptions Options, LinkFactory Links, SecretMasker Secrets, string Traces, bool RealTime,
    Func<TimeProvider, LinkSettings> Settings, Func<ILink, string?>? DialectOf = null);
