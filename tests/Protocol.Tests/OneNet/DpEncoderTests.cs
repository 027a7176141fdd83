using Conformance.Protocol.OneNet;

namespace Conformance.Protocol.Tests.OneNet;

public class DpEncoderTests
{
    [Test]
    public void The_manuals_example_encodes_to_the_manuals_hex()
    {
        var payload = JsonDataPoints.Create(DpType.SimpleJson, [new DataPoint("test", null, DataValue.Of("hello，world！"))]);

        Assert.That(DpHex.Format(DpEncoder.Encode(payload)), Is.EqualTo("03001B7B2274657374223A2268656C6C6FEFBC8C776F726C64EFBC81227D"));
    }

    [Test]
    public void A_timed_separated_payload_sets_the_high_bit_and_writes_the_time()
    {
        var payload = new SeparatedDataPoints(DpType.TimedSeparated, ',', ';', [new("humidity", "40")], new DateTime(2018, 9, 6, 10, 0, 0, DateTimeKind.Utc));

        Assert.That(DpHex.Format(DpEncoder.Encode(payload)), Is.EqualTo("861209060A0000000D2C3B68756D69646974792C3430"));
    }

    private static readonly DateTime Noon = new(2018, 9, 6, 12, 0, 0, DateTimeKind.Utc);

    private static IEnumerable<TestCaseData> Invalid()
    {
        yield return new TestCaseData(new JsonDataPoints(DpType.SimpleJson, "[1]"),
            "payload.Json is not a type 3 JSON: expected an object of datastream values at offset 0, found an array (offsets within the JSON)")
            .SetName("JSON of the wrong form");
        yield return new TestCaseData(new JsonDataPoints(DpType.Separated, "{}"), "payload.Type Separated is not a JSON data-point type (1, 3 or 4)")
            .SetName("JSON payload of a non-JSON type");
        yield return new TestCaseData(new JsonDataPoints(DpType.SimpleJson, $"{{\"a\":\"{new string('x', 65530)}\"}}"),
            "payload.Json is 65538 bytes, more than the 65535 a 2-byte length can declare").SetName("JSON longer than 16 bits");
        yield return new TestCaseData(new SeparatedDataPoints(DpType.Separated, ',', ',', [new("a", "1")]),
            "payload.FieldSeparator and RecordSeparator are both ','").SetName("equal separators");
        yield return new TestCaseData(new SeparatedDataPoints(DpType.Separated, ',', ';', [new("a", "1"), new("b", "2;3")]),
            "payload.Fields[1] (\"b\") contains a separator (',' or ';')").SetName("separator in a value");
        yield return new TestCaseData(new SeparatedDataPoints(DpType.Separated, ',', ';', [new("", "1")]),
            "payload.Fields[0].Name is empty").SetName("empty name");
        yield return new TestCaseData(new SeparatedDataPoints(DpType.Separated, ',', ';', []),
            "payload.Fields is empty: the text needs at least one record").SetName("no records");
        yield return new TestCaseData(new SeparatedDataPoints(DpType.Separated, ',', ';', [new("a", "1")], Noon),
            "payload.At is set, but only type 6 carries a time").SetName("time on type 5");
        yield return new TestCaseData(new FloatDataPoints([new(1, 1f)], new DateTime(1999, 12, 31, 0, 0, 0, DateTimeKind.Utc)),
            "payload.At: time 1999-12-31T00:00:00.0000000Z is outside 2000..2255, the years a 1-byte YY can hold").SetName("year before 2000");
        yield return new TestCaseData(new FloatDataPoints([new(1, 1f)], Noon.AddMilliseconds(5)),
            "payload.At: time 2018-09-06T12:00:00.0050000Z has a fraction of a second; $dp times have whole seconds").SetName("sub-second time");
        yield return new TestCaseData(new FloatDataPoints([]), "payload.Values is empty: type 7 needs at least one data point").SetName("no floats");
    }

    [TestCaseSource(nameof(Invalid))]
    public void Encoding_refuses_what_the_layout_cannot_carry(DpPayload payload, string error)
    {
        var e = Assert.Throws<ArgumentException>(() => DpEncoder.Encode(payload));

        Assert.That(e.Message, Is.EqualTo($"{error} (Parameter 'payload')"));
    }

    [Test]
    public void Creating_json_refuses_points_the_type_cannot_carry()
    {
        Assert.That(() => JsonDataPoints.Create(DpType.SimpleJson, [new DataPoint("t", Noon, DataValue.Of(1))]),
            Throws.ArgumentException.With.Message.EqualTo("points[0] (\"t\") has a time, which type 3 cannot carry (use type 1 or 4) (Parameter 'points')"));
        Assert.That(() => JsonDataPoints.Create(DpType.TimedJson, [new DataPoint("t", null, DataValue.Of(1))]),
            Throws.ArgumentException.With.Message.EqualTo("points[0] (\"t\") has no time, which type 4 requires (Parameter 'points')"));
        Assert.That(() => JsonDataPoints.Create(DpType.SimpleJson, [new DataPoint("a", null, DataValue.Of(1)), new DataPoint("t", null, DataValue.Of(double.NaN))]),
            Throws.ArgumentException.With.Message.EqualTo("points[1] (\"t\") has the value NaN, which JSON cannot write (Parameter 'points')"));
    }
}
