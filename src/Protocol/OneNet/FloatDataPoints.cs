using System.Globalization;

namespace Conformance.Protocol.OneNet;

/// <summary>
/// A type 7 payload: <c>07</c> data, or <c>87</c> time(6) data. The manual only says "float data points"; this
/// project reads the data as repeated 6-byte pairs of a big-endian uint16 datastream id and a big-endian IEEE-754
/// float32 value, running to the end of the payload, so a data length that is not a multiple of 6 is an error.
/// </summary>
/// <param name="Values">The pairs in order.</param>
/// <param name="At">The time written after a <c>0x87</c> type byte, UTC.</param>
public sealed record FloatDataPoints(IReadOnlyList<FloatDataPoint> Values, DateTime? At = null) : DpPayload
{
    /// <summary>Bytes per data point: 2 of datastream id, 4 of float.</summary>
    public const int PointSize = 6;

    public override DpType Type => DpType.Float;

    /// <summary>One point per pair; the datastream id is its number in decimal.</summary>
    public override IReadOnlyList<DataPoint> DataPoints =>
        [.. Values.Select(v => new DataPoint(v.DatastreamId.ToString(CultureInfo.InvariantCulture), At, DataValue.Of(v.Value)))];
}
