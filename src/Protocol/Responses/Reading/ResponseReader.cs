using System.Globalization;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>
/// Reads one <c>+NAME: field,field,...</c> line field by field, collecting deviations and throwing
/// <see cref="ResponseFormatException"/> with the field's position when a field is unusable.
/// </summary>
internal sealed class ResponseReader
{
    private readonly string line;
    private readonly int argumentsStart;
    private readonly bool spaceAfterColon;
    private List<AtField> fields = [];
    private string section = "1.11";

    private ResponseReader(string line, string name, int argumentsStart, bool spaceAfterColon)
    {
        this.line = line;
        Name = name;
        this.argumentsStart = argumentsStart;
        this.spaceAfterColon = spaceAfterColon;
    }

    /// <summary>The text before the colon, e.g. <c>+MQTTSUBACK</c>; empty for a bare line.</summary>
    public string Name { get; }

    /// <summary>The deviations found so far; null while there are none (most lines), so none is allocated.</summary>
    public List<Deviation>? Deviations { get; private set; }

    public int Count => fields.Count;

    /// <summary>Starts reading a <c>+NAME:</c> line.</summary>
    public static ResponseReader Open(string line)
    {
        if (line.Length == 0) throw new ResponseFormatException("the line is empty", 0);
        if (line[0] != '+') throw new ResponseFormatException("a response line starts with '+'", 0);
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) throw new ResponseFormatException($"missing ':' after the name {line}", line.Length);
        var start = colon + 1;
        while (start < line.Length && line[start] == ' ') start++;
        return new ResponseReader(line, KnownName(line.AsSpan(0, colon)) ?? line[..colon], start, spaceAfterColon: start > colon + 1);
    }

    // URC and response names repeat on every line: reuse the table's string instead of cutting a new one.
    private static string? KnownName(ReadOnlySpan<char> name)
    {
        foreach (var known in Framing.LineClassifier.UrcNames)
        {
            if (name.SequenceEqual(known)) return known;
        }
        foreach (var known in Framing.LineClassifier.ResponseNames)
        {
            if (name.SequenceEqual(known)) return known;
        }
        return null;
    }

    /// <summary>Starts reading a line without a name (a subscription list entry, a bare IMEI).</summary>
    public static ResponseReader Bare(string line) => new(line, "", 0, spaceAfterColon: true);

    /// <summary>
    /// Splits the arguments into <paramref name="min"/> to <paramref name="max"/> fields; with
    /// <paramref name="lastTakesRest"/> the last one takes the rest of the line, commas included.
    /// Deviations found from here on are attributed to the manual's <paramref name="manualSection"/>.
    /// </summary>
    public void Split(string manualSection, int min, int max, bool lastTakesRest = false)
    {
        section = manualSection;
        if (!spaceAfterColon && argumentsStart < line.Length)
            Deviate("no-space-after-colon", $"no space after '{Name}:'; the manual writes '{Name}: '");
        fields = AtFieldReader.Split(line.AsSpan(argumentsStart), argumentsStart, lastTakesRest ? max : max + 1, out var error, out _);
        if (error is not null) throw new ResponseFormatException(error, fields[^1].Start);
        if (fields.Count < min)
            throw new ResponseFormatException($"{Display} needs at least {Plural(min)}, got {fields.Count}", line.Length);
        if (fields.Count > max)
            throw new ResponseFormatException($"{Display} takes at most {Plural(max)}, got more", fields[max].Start);
    }

    public bool Has(int index) => index < fields.Count;

    public int Position(int index) => fields[index].Start;

    /// <summary>A number in <paramref name="min"/>..<paramref name="max"/>; blanks around it are tolerated.</summary>
    public int Int(int index, string field, int min, int max)
    {
        var text = fields[index].Value.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        throw new ResponseFormatException(
            $"{field} must be a number from {min} to {max}, got '{fields[index].Value}'", fields[index].Start);
    }

    /// <summary>One of a few fixed words, such as <c>OK</c> or <c>FAIL</c>.</summary>
    public string Word(int index, string field, params string[] allowed)
    {
        if (Array.IndexOf(allowed, fields[index].Value) >= 0) return fields[index].Value;
        throw new ResponseFormatException(
            $"{field} must be {string.Join(" or ", allowed)}, got '{fields[index].Value}'", fields[index].Start);
    }

    /// <summary>A flag written as 0 or 1.</summary>
    public bool Flag(int index, string field) => Int(index, field, 0, 1) == 1;

    /// <summary>A string field; typographic quotes are a deviation.</summary>
    public string Text(int index)
    {
        if (fields[index].Quoting == Quoting.Curly)
            Deviate("curly-quotes", $"field at character {fields[index].Start + 1} uses typographic quotes instead of '\"'");
        return fields[index].Value;
    }

    /// <summary>A topic, which the manual quotes.</summary>
    public string Topic(int index)
    {
        if (!fields[index].IsQuoted)
            Deviate("unquoted-topic", $"topic {fields[index].Value} is not quoted; the manual writes \"{fields[index].Value}\"");
        return Text(index);
    }

    /// <summary>The line from the field's first character to the end, quotes and commas included.</summary>
    public string Rest(int index) => line[fields[index].Start..];

    public bool IsQuoted(int index) => fields[index].IsQuoted;

    public void Deviate(string code, string message) => (Deviations ??= []).Add(new Deviation(code, message, section));

    private string Display => Name.Length > 0 ? Name : "the line";

    private static string Plural(int n) => n == 1 ? "1 field" : $"{n} fields";
}
