using Conformance.Protocol.Codes;
using System.Globalization;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>
/// Reads one <c>+NAME: field,field,...</c> line field by field, collecting deviations and throwing
/// <see cref="ResponseFormatException"/> with the field's position when a field is unusable.
/// </summary>
/// <remarks>
/// Every URC of a log goes through a reader, so one per thread is reused: <see cref="Release"/> it when done.
/// Values are copied into strings only when a typed record keeps them as text.
/// </remarks>
internal sealed class ResponseReader
{
    [ThreadStatic] private static ResponseReader? spare;

    private readonly List<AtFieldRange> fields = new(8);
    private string line = "";
    private int argumentsStart;
    private bool spaceAfterColon;
    private string section = "1.11";

    private static ResponseReader Start(string line, string name, int argumentsStart, bool spaceAfterColon)
    {
        var reader = spare ?? new ResponseReader();
        spare = null;
        (reader.line, reader.Name, reader.argumentsStart, reader.spaceAfterColon, reader.section) = (line, name, argumentsStart, spaceAfterColon, "1.11");
        reader.fields.Clear();
        reader.Deviations = null;
        return reader;
    }

    /// <summary>Hands the reader back for the next line; its deviations stay with the caller.</summary>
    public void Release()
    {
        (line, Deviations) = ("", null);
        spare = this;
    }

    /// <summary>The text before the colon, e.g. <c>+MQTTSUBACK</c>; empty for a bare line.</summary>
    public string Name { get; private set; } = "";

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
        return Start(line, KnownName(line.AsSpan(0, colon)) ?? line[..colon], start, spaceAfterColon: start > colon + 1);
    }

    // URC and response names repeat on every line: reuse the catalog's string instead of cutting a new one.
    private static string? KnownName(ReadOnlySpan<char> name) => Framing.LineClassifier.KnownName(name);

    /// <summary>Starts reading a line without a name (a subscription list entry, a bare IMEI).</summary>
    public static ResponseReader Bare(string line) => Start(line, "", 0, spaceAfterColon: true);

    /// <summary>
    /// Splits the arguments into <paramref name="min"/> to <paramref name="max"/> fields; with
    /// <paramref name="lastTakesRest"/> the last one takes the rest of the line, commas included.
    /// Deviations found from here on are attributed to the manual's <paramref name="manualSection"/>.
    /// </summary>
    public void Split(string manualSection, int min, int max, bool lastTakesRest = false)
    {
        section = manualSection;
        if (!spaceAfterColon && argumentsStart < line.Length)
            Deviate(CodeList.NoSpaceAfterColon, $"no space after '{Name}:'; the manual writes '{Name}: '");
        AtFieldReader.SplitRanges(line.AsSpan(argumentsStart), argumentsStart, lastTakesRest ? max : max + 1, fields, out var error, out _);
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
        var span = ValueSpan(index);
        if (int.TryParse(span.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            // A host that splits on commas and compares digits stumbles on them.
            if (span.Trim().Length != span.Length) Deviate(CodeList.SpaceAroundArgument, $"{field} in '{Name}' has spaces around it; the manual writes none");
            return value;
        }
        throw new ResponseFormatException(
            $"{field} must be a number from {min} to {max}, got '{Value(index)}'", fields[index].Start);
    }

    /// <summary>One of a few fixed words, such as <c>OK</c> or <c>FAIL</c>; spaces after the last one are a deviation.</summary>
    public string Word(int index, string field, params string[] allowed)
    {
        var value = ValueSpan(index);
        foreach (var word in allowed)
        {
            if (value.SequenceEqual(word)) return word;
        }
        // A firmware or a terminal that pads its lines (`+MQTTOPEN: OK   `), as a final result may be.
        var padded = value.TrimEnd(" \t");
        foreach (var word in allowed)
        {
            if (padded.Length < value.Length && index == fields.Count - 1 && padded.SequenceEqual(word))
            {
                Deviate(CodeList.TrailingSpace, $"spaces after '{Name}: {word}'; the manual's line ends at its last character");
                return word;
            }
        }
        throw new ResponseFormatException(
            $"{field} must be {string.Join(" or ", allowed)}, got '{Value(index)}'", fields[index].Start);
    }

    /// <summary>A flag written as 0 or 1.</summary>
    public bool Flag(int index, string field) => Int(index, field, 0, 1) == 1;

    /// <summary>A string field; typographic quotes are a deviation.</summary>
    public string Text(int index)
    {
        if (fields[index].Quoting == Quoting.Curly)
            Deviate(CodeList.CurlyQuotes, $"field at character {fields[index].Start + 1} uses typographic quotes instead of '\"'");
        return Value(index);
    }

    /// <summary>A topic, which the manual quotes.</summary>
    public string Topic(int index)
    {
        if (!fields[index].IsQuoted)
            Deviate(CodeList.UnquotedTopic, $"topic {Value(index)} is not quoted; the manual writes \"{Value(index)}\"");
        return Text(index);
    }

    /// <summary>The line from the field's first character to the end, quotes and commas included.</summary>
    public string Rest(int index) => line[fields[index].Start..];

    public bool IsQuoted(int index) => fields[index].IsQuoted;

    private ReadOnlySpan<char> ValueSpan(int index) => line.AsSpan(fields[index].ValueStart, fields[index].ValueLength);

    private string Value(int index) => ValueSpan(index).ToString();

    public void Deviate(CodeEntry code, string message) => (Deviations ??= []).Add(Deviation.Of(code, message, section));

    private string Display => Name.Length > 0 ? Name : "the line";

    private static string Plural(int n) => n == 1 ? "1 field" : $"{n} fields";
}
