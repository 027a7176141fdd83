using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>A reader's first pieces wait until the marks are learned from them, then go out in order, none lost.</summary>
public class LearningWindowTests
{
    [Test]
    public void The_first_pieces_are_held_and_learned_from_then_given_out_in_order_and_later_ones_at_once()
    {
        var learned = new List<int>();
        var window = new LearningWindow<int>(learned.Add);
        var given = new List<int>();

        for (var i = 0; i < TranscriptReader.LearnWithin - 1; i++) given.AddRange(window.Add(i));
        Assert.That(given, Is.Empty, "nothing goes out while the marks are learned");
        given.AddRange(window.Add(TranscriptReader.LearnWithin - 1));
        given.AddRange(window.Add(-1));

        Assert.That(given, Is.EqualTo(Enumerable.Range(0, TranscriptReader.LearnWithin).Append(-1)));
        Assert.That(learned, Is.EqualTo(Enumerable.Range(0, TranscriptReader.LearnWithin)), "learned from the window's pieces only");
        Assert.That(window.Flush(), Is.Empty);
    }

    [Test]
    public void A_short_input_goes_out_whole_when_it_ends()
    {
        var window = new LearningWindow<string>(_ => { });

        Assert.That(window.Add("AT"), Is.Empty);
        Assert.That(window.Add("OK"), Is.Empty);
        Assert.That(window.Flush(), Is.EqualTo(new[] { "AT", "OK" }));
        Assert.That(window.Flush(), Is.Empty, "given out once");
    }
}
