using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Tests.Syntax;

/// <summary>Splitting AT argument lists: quotes protect commas, positions point into the whole line.</summary>
public class AtFieldReaderTests
{
    private static List<AtField> Split(string text, int maxFields = int.MaxValue)
    {
        var fields = AtFieldReader.Split(text, 0, maxFields, out var error);
        Assert.That(error, Is.Null);
        return fields;
    }

    [Test]
    public void A_comma_inside_quotes_belongs_to_the_field() =>
        Assert.That(Split("\"a,b\",2,$dp"), Is.EqualTo(new[]
        {
            new AtField("a,b", Quoting.Straight, 0),
            new AtField("2", Quoting.None, 6),
            new AtField("$dp", Quoting.None, 8),
        }));

    [TestCase("\u201Ddev/gsm/u\u201D,2")]
    [TestCase("\u201Cdev/gsm/u\u201D,2")]
    [TestCase("\"dev/gsm/u\u201D,2")]
    public void Curly_quotes_quote_too(string text)
    {
        var fields = Split(text);

        Assert.That(fields[0], Is.EqualTo(new AtField("dev/gsm/u", Quoting.Curly, 0)));
        Assert.That(fields[1].Value, Is.EqualTo("2"));
    }

    [Test]
    public void An_unclosed_quote_is_reported_at_the_quote()
    {
        var fields = AtFieldReader.Split("2,\"dev/gsm/u,1", 11, int.MaxValue, out var error, out var position);

        Assert.That(error, Is.EqualTo("quote opened at character 14 is not closed"));
        Assert.That(position, Is.EqualTo(13));
        Assert.That(fields[^1].Value, Is.EqualTo("dev/gsm/u,1"));
    }

    [Test]
    public void Text_after_a_closing_quote_is_reported_and_skipped()
    {
        var fields = AtFieldReader.Split("\"a\"x,1", 0, int.MaxValue, out var error, out var position);

        Assert.That(error, Does.Contain("unexpected text after closing quote at character 4"));
        Assert.That(position, Is.EqualTo(3));
        Assert.That(fields.Select(f => f.Value), Is.EqualTo(new List<string> { "a", "1" }));
    }

    [Test]
    public void Empty_fields_are_kept() =>
        Assert.That(Split(",\"\",").Select(f => (f.Value, f.Quoting)), Is.EqualTo(new[]
        {
            ("", Quoting.None), ("", Quoting.Straight), ("", Quoting.None),
        }));

    [Test]
    public void A_trailing_comma_makes_an_empty_last_field() =>
        Assert.That(Split("a,"), Is.EqualTo(new[] { new AtField("a", Quoting.None, 0), new AtField("", Quoting.None, 2) }));

    [Test]
    public void Empty_text_has_no_fields() => Assert.That(Split(""), Is.Empty);

    [Test]
    public void Field_starts_include_the_offset() =>
        Assert.That(AtFieldReader.Split("\"t\",2", 11, int.MaxValue, out _).Select(f => f.Start), Is.EqualTo(new List<int> { 11, 15 }));

    [Test]
    public void The_last_field_takes_the_rest_verbatim()
    {
        Assert.That(Split("a,b,c \"d\",e", 2)[1], Is.EqualTo(new AtField("b,c \"d\",e", Quoting.None, 2)));
        Assert.That(Split("a,\"m,\"n\"", 2)[1], Is.EqualTo(new AtField("m,\"n", Quoting.Straight, 2)));
    }

    [Test]
    public void Spaces_around_a_quoted_field_are_padding()
    {
        var fields = Split(" \"a b\" , 2");

        Assert.That(fields[0], Is.EqualTo(new AtField("a b", Quoting.Straight, 1)));
        Assert.That(fields[1], Is.EqualTo(new AtField(" 2", Quoting.None, 8)));
    }
}
