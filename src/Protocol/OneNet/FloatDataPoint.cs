namespace Conformance.Protocol.OneNet;

/// <summary>One value of a type 7 payload: a numeric datastream id and a 32-bit float.</summary>
public readonly record struct FloatDataPoint(ushort DatastreamId, float Value);
