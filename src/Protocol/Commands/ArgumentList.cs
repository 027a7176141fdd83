using System.Globalization;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Commands;

/// <summary>
/// The arguments of one command line, read leniently: each way they differ from the manual's canonical form
/// becomes a deviation, each broken rule a <see cref="ParseFailure"/> at the offending character.
/// </summary>
internal sealed class ArgumentList
{
    private readonly CommandLine syntax;
    private readonly List<AtField> fields;
    private readonly List<Deviation> deviations;

    private ArgumentList(CommandLine syntax, List<AtField> fields, List<Deviation> deviations)
    {
        this.syntax = syntax;
        this.fields = fields;
        this.deviations = deviations;
    }

    /// <summary>The arguments of a set command; the last of <paramref name="maxFields"/> takes the rest.</summary>
    public static ArgumentList Of(CommandLine syntax, int maxFields, List<Deviation> deviations)
    {
        var fields = syntax.Split(maxFields, out var error, out var position);
        if (error is not null) throw new ParseFailure(error, position);
        return new ArgumentList(syntax, fields, deviations);
    }

    /// <summary>The same arguments split again, for commands whose layout depends on what was sent.</summary>
    public ArgumentList Resplit(int maxFields) => Of(syntax, maxFields, deviations);

    public int Count => fields.Count;

    /// <summary>Deviations carry the command's section, which is known once the command is.</summary>
    public void Note(CodeEntry code, string message) => deviations.Add(Deviation.Of(code, message));

    public void ExpectCount(int min, int max, string usage)
    {
        if (Count >= min && Count <= max) return;
        var expected = min == max ? $"{min}" : max - min == 1 ? $"{min} or {max}" : $"{min} to {max}";
        throw new ParseFailure(
            $"{usage} takes {expected} arguments (got {Count})",
            Count > max ? fields[max].Start : syntax.Text.Length);
    }

    public bool IsNumber(int index) =>
        index < Count && int.TryParse(fields[index].Value.Trim(' '), NumberStyles.None, CultureInfo.InvariantCulture, out _);

    /// <summary>A string argument; the manual quotes strings.</summary>
    public string Text(int index, string name, Func<string, Broken?> rule)
    {
        var field = fields[index];
        var value = Unpad(field, name);
        if (field.IsQuoted && value != value.Trim(' '))
            Note(CodeList.SpaceInsideQuotes, $"{name} has leading or trailing spaces inside its quotes; the module keeps them as part of the value");
        if (!field.IsQuoted) Note(CodeList.UnquotedString, $"{name} is not quoted; the manual writes strings in double quotes");
        return Check(value, name, rule, ValueStart(field));
    }

    /// <summary>A numeric argument; the manual writes numbers bare.</summary>
    public int Number(int index, string name, Func<int, Broken?> rule)
    {
        var field = fields[index];
        var text = Unpad(field, name);
        if (field.IsQuoted) Note(CodeList.QuotedNumber, $"{name} is quoted; the manual writes numbers bare");
        var start = ValueStart(field);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw ParseFailure.Argument(name, $"must be a decimal number (got \"{text}\")", start);
        return Check(value, name, rule, start);
    }

    public bool Bit(int index, string name) => Number(index, name, ArgumentRules.Bit) == 1;

    /// <summary>A free-form message at the end of the line, kept verbatim: spaces and commas are content.</summary>
    public string Message(int index, string name)
    {
        var field = fields[index];
        if (field.Quoting == Quoting.Curly) Note(CodeList.CurlyQuotes, $"{name} is quoted with typographic quotes instead of \"");
        if (!field.IsQuoted) Note(CodeList.UnquotedString, $"{name} is not quoted; the manual writes strings in double quotes");
        return field.Value;
    }

    /// <summary>A hex message at the end of the line, bare as in the manual's example or quoted.</summary>
    public string Hex(int index, string name)
    {
        var field = fields[index];
        return Check(Unpad(field, name), name, ArgumentRules.Hex, ValueStart(field));
    }

    /// <summary>
    /// The last argument of the credential that starts at argument <paramref name="index"/>: an unquoted password holding
    /// commas spans several, and the command is read as the secret policy masks it (<see cref="CredentialFields"/>).
    /// </summary>
    public int CredentialEnd(int index)
    {
        var spans = new List<SecretSpan>();
        CredentialFields.Find(syntax.Text, spans);
        var start = ValueStart(fields[index]);
        var end = index;
        foreach (var span in spans)
            if (span.Start >= start && (index + 1 == Count || span.Start < fields[index + 1].Start))
                while (end + 1 < Count && fields[end + 1].Start < span.End) end++;
        return end;
    }

    /// <summary>Unquoted arguments <paramref name="from"/> to <paramref name="to"/> read as one string, commas and all.</summary>
    public string Joined(int from, int to, string name, Func<string, Broken?> rule)
    {
        var start = ValueStart(fields[from]);
        var value = syntax.Text[start..(fields[to].Start + fields[to].Value.Length)].TrimEnd(' ');
        Note(CodeList.UnquotedString, $"{name} is not quoted; the manual writes strings in double quotes");
        return Check(value, name, rule, start);
    }

    /// <summary>An argument the manual does not define, kept as written without its padding and quotes.</summary>
    public string Raw(int index) => fields[index].Value.Trim(' ');

    /// <summary>Position of an argument's value, for errors about it as a whole.</summary>
    public int Position(int index) => ValueStart(fields[index]);

    private static T Check<T>(T value, string name, Func<T, Broken?> rule, int start) =>
        rule(value) is { } broken ? throw ParseFailure.Argument(name, broken.Rule, start + Math.Max(broken.At, 0)) : value;

    /// <summary>The value without the spaces around it, noting curly quotes and padding.</summary>
    private string Unpad(AtField field, string name)
    {
        if (field.Quoting == Quoting.Curly) Note(CodeList.CurlyQuotes, $"{name} is quoted with typographic quotes instead of \"");
        bool padded;
        var value = field.Value;
        if (field.IsQuoted)
        {
            var after = field.Start + field.Value.Length + 2;
            var line = syntax.Text;
            padded = (field.Start > syntax.ArgumentsStart && line[field.Start - 1] == ' ') || (after < line.Length && line[after] == ' ');
        }
        else
        {
            value = value.Trim(' ');
            padded = value.Length != field.Value.Length;
        }
        if (padded) Note(CodeList.SpaceAroundArgument, $"{name} has spaces around it; the manual writes none");
        return value;
    }

    private static int ValueStart(AtField field) =>
        field.IsQuoted ? field.Start + 1 : field.Start + (field.Value.Length - field.Value.TrimStart(' ').Length);
}
