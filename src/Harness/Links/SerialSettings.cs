using System.IO.Ports;

namespace Conformance.Harness.Links;

/// <summary>UART framing; the M5310-A uses 8N1 (spec §1).</summary>
public sealed record SerialSettings(int DataBits = 8, Parity Parity = Parity.None, StopBits StopBits = StopBits.One, Handshake Handshake = Handshake.None);
