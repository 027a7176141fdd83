using Conformance.Protocol.Secrets;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Links;

/// <summary>What a link may need besides its target text.</summary>
/// <param name="Time">The clock; replay at recorded timing waits on it.</param>
/// <param name="Secrets">Replay compares commands masked the way the trace was.</param>
/// <param name="ReplayAsFastAsPossible">Replay without waiting for the recorded gaps.</param>
/// <param name="Serial">Serial settings other than port and baud rate.</param>
/// <param name="Dialect">The dialect the in-process emulator speaks.</param>
public sealed record LinkSettings(TimeProvider Time, SecretMasker Secrets, bool ReplayAsFastAsPossible = true, SerialSettings? Serial = null,
    Dialect Dialect = Dialect.Manual);
