namespace Conformance.Protocol.OneNet;

/// <summary>One stored value of a datastream: the flat view every <c>$dp</c> payload type reduces to.</summary>
/// <param name="DatastreamId">The datastream's name (for type 7, its numeric id in decimal).</param>
/// <param name="At">When the value was taken, if the payload says; JSON times are as written (no zone), binary times are UTC.</param>
/// <param name="Value">The value.</param>
public sealed record DataPoint(string DatastreamId, DateTime? At, DataValue Value);
