using Conformance.Protocol.OneNet;

namespace Conformance.Protocol.Tests.OneNet;

public class DpDecoderTests
{
    [Test]
    public void The_manuals_example_decodes_to_its_one_string_data_point()
    {
        var bytes = DpHex.Parse("03001B7b2274657374223a2268656c6c6fefbc8c776f726c64efbc81227d", 30).Unwrap();

        var payload = DpDecoder.Decode(bytes).Unwrap();

        Assert.That(payload, Is.EqualTo(new JsonDataPoints(DpType.SimpleJson, "{\"test\":\"hello，world！\"}")));
        Assert.That(payload.DataPoints, Is.EqualTo(new[] { new DataPoint("test", null, DataValue.Of("hello，world！")) }));
    }

    [Test]
    public void Type_1_yields_every_datapoint_of_every_datastream()
    {
        var json = """
            {"datastreams":[{"id":"temp","datapoints":[{"at":"2018-09-06 10:00:00","value":22.5},{"value":23}]},
                            {"id":"door","unit":"-","datapoints":[{"value":"open"}]}]}
            """;

        var points = DpDecoder.Decode(DpBytes.LengthPrefixed("01", json)).Unwrap().DataPoints;

        Assert.That(points, Is.EqualTo(new[]
        {
            new DataPoint("temp", new DateTime(2018, 9, 6, 10, 0, 0), DataValue.Of(22.5)),
            new DataPoint("temp", null, DataValue.Of(23)),
            new DataPoint("door", null, DataValue.Of("open")),
        }));
    }

    [Test]
    public void Type_3_keeps_object_values_as_their_json()
    {
        var points = DpDecoder.Decode(DpBytes.LengthPrefixed("03", """{"temperature":22.5,"gps":{"lon":116.3,"lat":39.9},"on":true}""")).Unwrap().DataPoints;

        Assert.That(points, Is.EqualTo(new[]
        {
            new DataPoint("temperature", null, DataValue.Of(22.5)),
            new DataPoint("gps", null, new DataValue(null, """{"lon":116.3,"lat":39.9}""")),
            new DataPoint("on", null, new DataValue(null, "true")),
        }));
    }

    [Test]
    public void Type_4_yields_each_timestamped_value()
    {
        var json = """{"temperature":{"2015-03-22 22:31:12":22.5,"2015-03-22 22:32:12":22.7},"humidity":{"2015-03-22 22:31:12":40}}""";

        var points = DpDecoder.Decode(DpBytes.LengthPrefixed("04", json)).Unwrap().DataPoints;

        Assert.That(points, Is.EqualTo(new[]
        {
            new DataPoint("temperature", new DateTime(2015, 3, 22, 22, 31, 12), DataValue.Of(22.5)),
            new DataPoint("temperature", new DateTime(2015, 3, 22, 22, 32, 12), DataValue.Of(22.7)),
            new DataPoint("humidity", new DateTime(2015, 3, 22, 22, 31, 12), DataValue.Of(40)),
        }));
    }

    [Test]
    public void Type_2_splits_the_descriptor_from_the_binary_data()
    {
        var json = """{"ds_id":"pic","at":"2018-09-06 10:00:00","desc":""}""";
        var bytes = DpBytes.Of($"02{json.Length:X4}", json).Concat(Convert.FromHexString("00000003FFD8FF")).ToArray();

        var payload = (BinaryDataPoint)DpDecoder.Decode(bytes).Unwrap();

        Assert.That(payload.Json, Is.EqualTo(json));
        Assert.That(payload.Data, Is.EqualTo(new byte[] { 0xFF, 0xD8, 0xFF }));
        Assert.That(payload.DataPoints, Is.EqualTo(new[] { new DataPoint("pic", new DateTime(2018, 9, 6, 10, 0, 0), DataValue.Of("FFD8FF")) }));
    }

    [Test]
    public void Type_5_uses_the_separators_the_text_starts_with()
    {
        var payload = (SeparatedDataPoints)DpDecoder.Decode(DpBytes.LengthPrefixed("05", "|#temperature|22.5#status|a,b;c")).Unwrap();

        Assert.That(payload.Fields, Is.EqualTo(new[] { new NamedValue("temperature", "22.5"), new NamedValue("status", "a,b;c") }));
        Assert.That(payload.DataPoints, Is.EqualTo(new[]
        {
            new DataPoint("temperature", null, DataValue.Of(22.5)),
            new DataPoint("status", null, DataValue.Of("a,b;c")),
        }));
    }

    [Test]
    public void Type_6_with_0x86_stamps_every_record_with_the_utc_time()
    {
        var payload = DpDecoder.Decode(DpBytes.LengthPrefixed("86 120906 0A0000", ",;temperature,22.5;humidity,40")).Unwrap();

        Assert.That(payload.Type, Is.EqualTo(DpType.TimedSeparated));
        var at = new DateTime(2018, 9, 6, 10, 0, 0, DateTimeKind.Utc);
        Assert.That(payload.DataPoints, Is.EqualTo(new[]
        {
            new DataPoint("temperature", at, DataValue.Of(22.5)),
            new DataPoint("humidity", at, DataValue.Of(40)),
        }));
        Assert.That(payload.DataPoints[0].At!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
    }

    [Test]
    public void Type_6_without_time_reads_like_type_5()
    {
        var payload = (SeparatedDataPoints)DpDecoder.Decode(DpBytes.LengthPrefixed("06", ",;humidity,40")).Unwrap();

        Assert.That(payload.At, Is.Null);
        Assert.That(payload.Fields, Is.EqualTo(new[] { new NamedValue("humidity", "40") }));
    }

    [Test]
    public void Type_7_reads_pairs_of_datastream_id_and_big_endian_float()
    {
        var payload = (FloatDataPoints)DpDecoder.Decode(DpBytes.Of("87 120906 0A0000 0001 41B40000 0102 C2200000")).Unwrap();

        Assert.That(payload.Values, Is.EqualTo(new[] { new FloatDataPoint(1, 22.5f), new FloatDataPoint(258, -40f) }));
        Assert.That(payload.DataPoints.Select(p => (p.DatastreamId, p.Value.Number)), Is.EqualTo(new[] { ("1", (double?)22.5), ("258", -40) }));
        Assert.That(payload.At, Is.EqualTo(new DateTime(2018, 9, 6, 10, 0, 0, DateTimeKind.Utc)));
    }
}
