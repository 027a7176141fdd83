namespace Conformance.Protocol.Tracing;

/// <summary>Who a trace record's bytes came from.</summary>
public enum TraceDirection
{
    /// <summary><c>&gt;</c> host to module: what the host sent.</summary>
    ToModule,
    /// <summary><c>&lt;</c> module to host: what the module sent.</summary>
    FromModule,
    /// <summary><c>*</c> an event of the recording tool (scenario started, link closed, error): text, not bytes on the wire.</summary>
    Event,
}
