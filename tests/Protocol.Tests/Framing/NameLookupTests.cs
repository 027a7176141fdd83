using System.Text;
using Conformance.Protocol.Framing;

namespace Conformance.Protocol.Tests.Framing;

/// <summary>The fast name lookups of the classifier agree with the published name tables.</summary>
public class NameLookupTests
{
    private static FrameKind KindInRawCapture(string line)
    {
        var tokenizer = new AtTokenizer();
        ReadOnlySpan<byte> input = Encoding.ASCII.GetBytes(line + "\r\n");
        Assert.That(tokenizer.TryRead(ref input, out var frame), Is.True);
        return frame.Kind;
    }

    [TestCaseSource(typeof(LineClassifier), nameof(LineClassifier.UrcNames))]
    public void Every_urc_name_is_always_a_urc(string name)
    {
        Assert.That(LineClassifier.IsAlwaysUrc(Encoding.ASCII.GetBytes(name)), Is.True);
        Assert.That(KindInRawCapture(name + ": 1"), Is.EqualTo(FrameKind.Urc));
    }

    [TestCaseSource(typeof(LineClassifier), nameof(LineClassifier.ResponseNames))]
    public void Every_response_name_is_information_in_a_raw_capture(string name)
    {
        Assert.That(LineClassifier.IsAlwaysUrc(Encoding.ASCII.GetBytes(name)), Is.False);
        Assert.That(KindInRawCapture(name + ": 1"), Is.EqualTo(FrameKind.Info));
    }

    [TestCase("+MQTTPUBACKS")]
    [TestCase("+MQTTXUBACK")]
    [TestCase("+MQTTPUB")]
    [TestCase("+CSQX")]
    public void A_name_off_by_one_letter_is_not_known(string name)
    {
        Assert.That(LineClassifier.IsAlwaysUrc(Encoding.ASCII.GetBytes(name)), Is.False);
        Assert.That(KindInRawCapture(name + ": 1"), Is.EqualTo(FrameKind.Urc));
    }
}
