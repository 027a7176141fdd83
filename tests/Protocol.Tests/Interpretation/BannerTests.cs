using Conformance.Protocol.Catalog;
using Conformance.Protocol.Events;
using Conformance.Protocol.Families;

namespace Conformance.Protocol.Tests.Interpretation;

/// <summary>Boot banners and other families' word results are told apart from answers by their words, first one wins.</summary>
public class BannerTests
{
    [Test]
    public void A_line_is_the_first_banner_or_word_it_starts_with_whole()
    {
        string[] words = [.. ProtocolCatalog.Banners, .. ModuleFamilies.Words];
        var lines = words.SelectMany(word => new[]
        {
            word, word + ":", word + ": 1", word + " ", word + "X", word[..^1], word.ToLowerInvariant(), "x" + word,
        }).Concat(["", "0", "1", "+", "OK", "ÄRDY", "\u4E2D文", "+CPIN: READY", "+CPIN: READYX", "RDY", "ready"]);

        foreach (var line in lines)
        {
            // Whole: alone, with spaces after it, or before a colon; a word ending in '_' is the start of its family's lines.
            var expected = words.FirstOrDefault(w => line.StartsWith(w, StringComparison.Ordinal)
                && (w.EndsWith('_') && line.Length > w.Length || line[w.Length..].Trim(' ').Length == 0 || line[w.Length] == ':'));
            Assert.That(LineShape.Banner(line), Is.EqualTo(expected), $"'{line}'");
        }
        Assert.That(LineShape.Banner("RDY"), Is.EqualTo("RDY"));
        Assert.That(LineShape.Banner("SUBACK"), Is.EqualTo("SUBACK"));
        Assert.That(LineShape.Banner("REBOOT_CAUSE_SECURITY_WATCHDOG"), Is.EqualTo("REBOOT_CAUSE_"));
        Assert.That(LineShape.Banner("Neul "), Is.EqualTo("Neul"));
        Assert.That(LineShape.Banner("RDY to go"), Is.Null);
    }
}
