using System.Text;

namespace Conformance.Protocol.OneNet;

/// <summary>A type 2 payload: one binary data point (e.g. a picture) described by a JSON header.</summary>
/// <param name="Json">The descriptor, <c>{"ds_id":"pic","at":"2018-09-06 10:00:00","desc":""}</c>, exactly as sent.</param>
/// <param name="Data">The binary content.</param>
public sealed record BinaryDataPoint(string Json, byte[] Data) : DpPayload
{
    public override DpType Type => DpType.Binary;

    /// <summary>One point: the descriptor's <c>ds_id</c> and <c>at</c>, the data as uppercase hex text.</summary>
    /// <exception cref="FormatException">The descriptor has no <c>ds_id</c> (never for a decoded payload).</exception>
    public override IReadOnlyList<DataPoint> DataPoints =>
        [DpJsonReader.Read(Type, Encoding.UTF8.GetBytes(Json), 0).Unwrap()[0] with { Value = DataValue.Of(DpHex.Format(Data)) }];

    /// <exception cref="ArgumentException"><paramref name="at"/> has a fraction of a second.</exception>
    public static BinaryDataPoint Create(string datastreamId, DateTime? at, byte[] data, string description = "") =>
        new(DpJsonWriter.WriteDescriptor(datastreamId, at, description), data);
}
