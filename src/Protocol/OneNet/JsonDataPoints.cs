using System.Text;

namespace Conformance.Protocol.OneNet;

/// <summary>A type 1, 3 or 4 payload: JSON text kept exactly as sent, read into data points on demand.</summary>
/// <param name="Type"><see cref="DpType.Datastreams"/>, <see cref="DpType.SimpleJson"/> or <see cref="DpType.TimedJson"/>.</param>
/// <param name="Json">The JSON content.</param>
public sealed record JsonDataPoints(DpType Type, string Json) : DpPayload
{
    public override DpType Type { get; } = Type;

    /// <exception cref="FormatException">The JSON is not of the form <see cref="Type"/> requires (never for a decoded payload).</exception>
    public override IReadOnlyList<DataPoint> DataPoints =>
        DpJsonReader.Read(Type, Encoding.UTF8.GetBytes(Json), 0).Unwrap();

    /// <summary>
    /// Writes <paramref name="points"/> in the JSON form of <paramref name="type"/>. Types 1 and 4 group the points
    /// by datastream in order of first appearance; type 3 takes no times, type 4 needs them.
    /// </summary>
    /// <exception cref="ArgumentException">A point does not fit the form, e.g. a time on type 3 or an infinite number.</exception>
    public static JsonDataPoints Create(DpType type, IReadOnlyList<DataPoint> points) =>
        new(type, DpJsonWriter.Write(type, points));
}
