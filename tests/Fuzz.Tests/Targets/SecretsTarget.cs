using System.Text;
using Conformance.Fuzz.Tests.Engine;
using Conformance.Fuzz.Tests.Seeds;
using Conformance.Protocol.Secrets;
using CsCheck;

namespace Conformance.Fuzz.Tests.Targets;

/// <summary>
/// The secret policy, as traces (a stream in chunks), logs and reports (whole text) apply it: a known secret never
/// shows whole, every line end survives, spans stay inside the line, and memory stays linear in the input.
/// </summary>
public sealed class SecretsTarget : FuzzTarget
{
    private const string Known = "TopSecret123456";

    public override string Name => "secrets";

    public override IReadOnlyList<byte[]> Seeds { get; } = AllBytes(
    [
        .. FieldLines.Commands.Where(c => c.Contains("CFG", StringComparison.Ordinal) || c.Contains("CWJAP", StringComparison.Ordinal)),
        "+MQTTPUBLISH: 0,0,\"t\",15,TopSecret123456\r\nagain TopSecret123456\r\n", "{\"deviceSecret\":\"abc123def\",\"sign\":\"x\"}\r\n",
        "AT+MQTTCFG=\"h\",1,\"d\",60,\"p\",\"Top\r\nSecret123456\",1\r\n", "token=abcdef123456&sign=Zm9vYmFy\r\n", "echo Top" + "Secret123456 end\r\n",
    ]);

    public override Gen<byte[]> Structured { get; } = Inputs.Lines(Gen.Frequency(
        (3, Gen.OneOf(FieldLines.Commands)), (2, Gen.OneOf(FieldLines.Module)),
        (2, Gen.Select(Gen.OneOf("sign=", "\"password\":\"", "deviceSecret=", "key: ", "AT+MQTTCFG=\"h\",1,\"d\",60,\"p\",\"", "pwd="),
            Gen.OneOf(Known, "WifiKey2024", "abc", "Top", "Secret123456", ""), Gen.OneOf("\"", "&", ",1", "", " "), (k, v, e) => k + v + e))));

    public override int ShortIterations => 500;

    public override void Check(FuzzInput input, Behaviour behaviour)
    {
        var text = Encoding.Latin1.GetString(input.Data);
        Bounds.Allocation("masking", input.Data.Length, 300, 256 * 1024, () =>
        {
            var masked = new SecretMasker([Known]).Mask(text);
            Shown.Never(masked, Known, "a known secret shows in masked text");
            Assert.That(LineEnds(masked), Is.EqualTo(LineEnds(text)), "masking text lost or added line ends");
            if (masked != text) behaviour.Note("masked:text");

            var spans = new List<SecretSpan>();
            foreach (var line in text.Split('\r', '\n').Take(200))
            {
                spans.Clear();
                SecretPolicy.Find(line, spans);
                foreach (var span in spans)
                {
                    Assert.That(span.Start >= 0 && span.Length >= 0 && span.Start + span.Length <= line.Length, $"span {span} outside the line");
                    behaviour.Note($"secret-at:{line[..span.Start].Split(',', '=', ':', '&').Length}");
                }
            }
        });

        // A stream's line may be 4096 characters, and each chunk is judged within it: per byte, memory is bounded by that line.
        Bounds.Allocation("masking a stream", input.Data.Length, 40_000, 256 * 1024, () =>
        {
            var stream = new SecretMasker([Known]).Stream();
            var output = new List<byte>();
            foreach (var chunk in input.Split()) output.AddRange(stream.Mask(chunk));
            var shown = Encoding.Latin1.GetString([.. output]);
            Shown.Never(shown, Known, "a known secret shows in a masked stream");
            Assert.That(LineEnds(shown), Is.EqualTo(LineEnds(text)), "masking a stream lost or added line ends");
        });
    }

    private static string LineEnds(string text) => new([.. text.Where(c => c is '\r' or '\n')]);
}
