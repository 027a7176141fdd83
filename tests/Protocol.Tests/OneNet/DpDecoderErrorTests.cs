using Conformance.Protocol.OneNet;

namespace Conformance.Protocol.Tests.OneNet;

public class DpDecoderErrorTests
{
    // Header bytes in hex, then content as text; the error must say what is wrong and at which byte.
    [TestCase("", "", "empty payload: no type byte at offset 0", 0)]
    [TestCase("08", "", "unknown type byte 0x08 at offset 0", 0)]
    [TestCase("83 120906 0A0000 0002", "{}", "unknown type byte 0x83 at offset 0", 0)]
    [TestCase("03 00", "", "truncated header: a 2-byte length of the JSON is due at offset 1, but 1 byte follows", 1)]
    [TestCase("03 001B", """{"test":"hello,world!"}""", "declared 27 bytes of JSON at offset 1, but 23 follow", 1)]
    [TestCase("03 0002", "{}  ", "trailing bytes: 2 bytes follow the JSON, from offset 5", 5)]
    [TestCase("03 0009", """{"test":}""", "invalid JSON at offset 11 (JSON reader line 0, byte 8): '}' is an invalid start of a value.", 11)]
    [TestCase("03 000E", "{\"a\":1,\n\"b\":2]", "invalid JSON at offset 16 (JSON reader line 1, byte 5): ']' is invalid without a matching open.", 16)]
    [TestCase("03 0003", "[1]", "expected an object of datastream values at offset 3, found an array", 3)]
    [TestCase("04 000F", """{"t":{"now":1}}""", "time \"now\" at offset 9 is not yyyy-MM-dd HH:mm:ss", 9)]
    [TestCase("04 0007", """{"t":1}""", "expected an object of times and values for \"t\" at offset 8, found a number", 8)]
    [TestCase("01 0002", "{}", "no \"datastreams\" array in the JSON at offset 3", 3)]
    [TestCase("01 0023", """{"datastreams":[{"datapoints":[]}]}""", "the datastream at offset 19 has no \"id\"", 19)]
    [TestCase("01 0033", """{"datastreams":[{"id":"t","datapoints":[{"v":1}]}]}""", "the datapoint at offset 43 has no \"value\"", 43)]
    [TestCase("01 0040", """{"datastreams":[{"id":"t","datapoints":[{"at":"x","value":1}]}]}""", "time \"x\" at offset 49 is not yyyy-MM-dd HH:mm:ss", 49)]
    [TestCase("02 0002", "{}", "no \"ds_id\" in the JSON at offset 3", 3)]
    [TestCase("02 000D", """{"ds_id":"p"}""", "truncated header: a 4-byte length of the binary data is due at offset 16, but 0 bytes follow", 16)]
    [TestCase("05 0001", ",", "missing separators: the text at offset 3 must start with a field and a record separator", 3)]
    [TestCase("05 0005", ",,a,1", "the field and record separators at offset 3 are both ','", 3)]
    [TestCase("05 0002", ",;", "no records after the separators at offset 5", 5)]
    [TestCase("05 001D", ",;temperature,22.5;humidity40", "missing separator: the record \"humidity40\" at offset 22 has no field separator ','", 22)]
    [TestCase("05 0006", ",;a,1;", "missing separator: the record \"\" at offset 9 has no field separator ','", 9)]
    [TestCase("05 0007", ",;a,1,2", "the record \"a,1,2\" at offset 5 has more than one field separator ','", 5)]
    [TestCase("05 0004", ",;,1", "the record \",1\" at offset 5 has an empty datastream name", 5)]
    [TestCase("05 0010", "，;温度，1;x", "missing separator: the record \"x\" at offset 18 has no field separator '，'", 18)]
    [TestCase("86 1209", "", "truncated header: a 6-byte time is due at offset 1, but 2 bytes follow", 1)]
    [TestCase("86 120D06 0A0000 0005", ",;a,1", "invalid time at offset 1: YY MM DD hh mm ss = 120D060A0000 (hex) is not a date", 1)]
    [TestCase("07", "", "no float data points at offset 1", 1)]
    [TestCase("07 0001 41B40000 00", "", "float data at offset 1 is 7 bytes, not a multiple of 6 (2-byte datastream id, 4-byte float): 1 byte left over at offset 7", 7)]
    public void Malformed_payload_is_reported_with_its_offset(string headerHex, string content, string error, int offset)
    {
        var result = DpDecoder.Decode(DpBytes.Of(headerHex, content));

        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.False);
            Assert.That(result.Error, Is.EqualTo(error));
            Assert.That(result.ErrorPosition, Is.EqualTo(offset));
        });
    }

    [Test]
    public void Invalid_utf8_is_reported_at_the_first_bad_byte()
    {
        var result = DpDecoder.Decode(DpBytes.Of("05 0006 2C3B 61 2C C3 28"));

        Assert.That(result.Error, Is.EqualTo("invalid UTF-8 in the text at offset 7"));
        Assert.That(result.ErrorPosition, Is.EqualTo(7));
    }

    [Test]
    public void Invalid_utf8_in_json_is_reported_before_the_json_is_read()
    {
        var result = DpDecoder.Decode(DpBytes.Of("03 0004 7B22FF22"));

        Assert.That(result.Error, Is.EqualTo("invalid UTF-8 in the JSON at offset 5"));
        Assert.That(result.ErrorPosition, Is.EqualTo(5));
    }

    [Test]
    public void Binary_data_shorter_than_declared_is_reported_at_its_length()
    {
        var result = DpDecoder.Decode([.. DpBytes.Of("02 000D", """{"ds_id":"p"}"""), .. DpBytes.Of("00000005 FFD8")]);

        Assert.That(result.Error, Is.EqualTo("declared 5 bytes of binary data at offset 16, but 2 follow"));
        Assert.That(result.ErrorPosition, Is.EqualTo(16));
    }
}
