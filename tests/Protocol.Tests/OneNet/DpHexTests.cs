using Conformance.Protocol.OneNet;

namespace Conformance.Protocol.Tests.OneNet;

public class DpHexTests
{
    [Test]
    public void Hex_of_either_case_parses_and_formats_back_in_uppercase()
    {
        var bytes = DpHex.Parse("03001b7B").Unwrap();

        Assert.That(bytes, Is.EqualTo(new byte[] { 0x03, 0x00, 0x1B, 0x7B }));
        Assert.That(DpHex.Format(bytes), Is.EqualTo("03001B7B"));
    }

    [TestCase("03001", "odd number of hex digits (5): the last byte at character 5 has one digit", 4)]
    [TestCase("0300 1B", "' ' at character 5 is not a hex digit", 4)]
    [TestCase("03G0", "'G' at character 3 is not a hex digit", 2)]
    public void Bad_hex_is_reported_at_its_character(string hex, string error, int position)
    {
        var result = DpHex.Parse(hex);

        Assert.That(result.Error, Is.EqualTo(error));
        Assert.That(result.ErrorPosition, Is.EqualTo(position));
    }

    [Test]
    public void Message_len_must_count_the_bytes_not_the_hex_digits()
    {
        var hex = "03001B7b2274657374223a2268656c6c6fefbc8c776f726c64efbc81227d";

        Assert.That(DpHex.Parse(hex, 30).Success, Is.True);
        Assert.That(DpHex.Parse(hex, 60).Error, Is.EqualTo("message_len is 60, but the hex encodes 30 bytes"));
    }
}
