namespace Conformance.Protocol.OneNet;

/// <summary>The first byte of a OneNET <c>$dp</c> payload: which of the seven data-point layouts follows (spec §6).</summary>
/// <remarks>Types 6 and 7 set the high bit (<c>0x86</c>, <c>0x87</c>) when a 6-byte time follows the type byte.</remarks>
public enum DpType : byte
{
    /// <summary><c>01</c> len(2) JSON: <c>{"datastreams":[{"id":..,"datapoints":[{"at":..,"value":..}]}]}</c>.</summary>
    Datastreams = 1,
    /// <summary><c>02</c> jsonlen(2) JSON len(4) bytes: one binary data point described by <c>ds_id</c>, <c>at</c>, <c>desc</c>.</summary>
    Binary = 2,
    /// <summary><c>03</c> len(2) JSON: <c>{"temperature":22.5}</c>, the manual's example type.</summary>
    SimpleJson = 3,
    /// <summary><c>04</c> len(2) JSON: <c>{"temperature":{"2015-03-22 22:31:12":22.5}}</c>.</summary>
    TimedJson = 4,
    /// <summary><c>05</c> len(2) text: <c>,;temperature,22.5;humidity,40</c>, the first two characters being the separators.</summary>
    Separated = 5,
    /// <summary><c>06</c> len(2) text as type 5, or <c>86</c> time(6) len(2) text.</summary>
    TimedSeparated = 6,
    /// <summary><c>07</c> data, or <c>87</c> time(6) data: float data points.</summary>
    Float = 7,
}
