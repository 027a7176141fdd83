using Conformance.Protocol.OneNet;
using CsCheck;

namespace Conformance.Protocol.Tests.OneNet;

/// <summary>Encoding any valid typed payload and decoding the bytes gives the same payload back.</summary>
public class DpRoundTripTests
{
    private static readonly Gen<string> Name = Gen.Char['a', 'z'].Array[1, 8].Select(c => new string(c));
    // Printable ASCII and CJK, as the manual's example mixes them.
    private static readonly Gen<string> Text = Gen.OneOf(Gen.Char[' ', '~'], Gen.Char['\u4E00', '\u9FFF']).Array[0, 12].Select(c => new string(c));
    private static readonly Gen<double> Number = Gen.OneOf(Gen.Double[-1e6, 1e6], Gen.Double.Special.Where(double.IsFinite));
    private static readonly Gen<DataValue> Value = Gen.OneOf(Number.Select(DataValue.Of), Text.Select(DataValue.Of));
    private static readonly Gen<DateTime> Time =
        Gen.Int[0, int.MaxValue].Select(s => new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(s));

    private static DpPayload RoundTrip(DpPayload payload) => DpDecoder.Decode(DpEncoder.Encode(payload)).Unwrap();

    [Test]
    public void Type_1_datastreams_round_trip_grouped_by_datastream()
    {
        Gen.Select(Name, Time.Nullable(), Value, (n, t, v) => new DataPoint(n, t, v)).List[0, 6].Sample(points =>
        {
            var decoded = RoundTrip(JsonDataPoints.Create(DpType.Datastreams, points));

            Assert.That(decoded.DataPoints, Is.EqualTo(points.GroupBy(p => p.DatastreamId).SelectMany(g => g)));
        });
    }

    [Test]
    public void Type_3_simple_json_round_trips()
    {
        Gen.Select(Name, Value, (n, v) => new DataPoint(n, null, v)).List[0, 6].Sample(points =>
        {
            var payload = JsonDataPoints.Create(DpType.SimpleJson, points);
            var decoded = RoundTrip(payload);

            Assert.That(decoded, Is.EqualTo(payload));
            Assert.That(decoded.DataPoints, Is.EqualTo(points));
        });
    }

    [Test]
    public void Type_4_timed_json_round_trips_grouped_by_datastream()
    {
        Gen.Select(Name, Time, Value, (n, t, v) => new DataPoint(n, t, v)).List[0, 6].Sample(points =>
        {
            var decoded = RoundTrip(JsonDataPoints.Create(DpType.TimedJson, points));

            Assert.That(decoded.DataPoints, Is.EqualTo(points.GroupBy(p => p.DatastreamId).SelectMany(g => g)));
        });
    }

    [Test]
    public void Type_2_binary_round_trips()
    {
        Gen.Select(Name, Time.Nullable(), Gen.Byte.Array[0, 64], Text).Sample((id, at, data, description) =>
        {
            var payload = BinaryDataPoint.Create(id, at, data, description);
            var decoded = (BinaryDataPoint)RoundTrip(payload);

            Assert.That(decoded.Json, Is.EqualTo(payload.Json));
            Assert.That(decoded.Data, Is.EqualTo(data));
            Assert.That(decoded.DataPoints, Is.EqualTo(new[] { new DataPoint(id, at, DataValue.Of(Convert.ToHexString(data))) }));
        });
    }

    [Test]
    public void Types_5_and_6_separated_text_round_trips()
    {
        var separators = Gen.Char[",;|#:\t，"].Array[2, 2].Where(s => s[0] != s[1]);
        var field = Gen.Select(Name, Gen.OneOf(Number.Select(n => n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), Name),
            (n, v) => new NamedValue(n, v));
        var payloads = Gen.Select(separators, field.List[1, 6], Gen.Bool, Time.Nullable(), (s, fields, timed, at) =>
            new SeparatedDataPoints(timed ? DpType.TimedSeparated : DpType.Separated, s[0], s[1], fields, timed ? at : null));

        payloads.Sample(payload =>
        {
            var decoded = (SeparatedDataPoints)RoundTrip(payload);

            Assert.That(decoded with { Fields = payload.Fields }, Is.EqualTo(payload));
            Assert.That(decoded.Fields, Is.EqualTo(payload.Fields));
        });
    }

    [Test]
    public void Type_7_float_pairs_round_trip_bit_for_bit()
    {
        Gen.Select(Gen.Select(Gen.UShort, Gen.Float, (id, v) => new FloatDataPoint(id, v)).List[1, 8], Time.Nullable()).Sample((values, at) =>
        {
            var decoded = (FloatDataPoints)RoundTrip(new FloatDataPoints(values, at));

            Assert.That(decoded.At, Is.EqualTo(at));
            Assert.That(decoded.Values.Select(v => (v.DatastreamId, BitConverter.SingleToInt32Bits(v.Value))),
                Is.EqualTo(values.Select(v => (v.DatastreamId, BitConverter.SingleToInt32Bits(v.Value)))));
        });
    }
}
