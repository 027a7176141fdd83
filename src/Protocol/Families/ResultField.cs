namespace Conformance.Protocol.Families;

/// <summary>What a failed outcome of another family stops: the connection being made, a subscription, or the link itself.</summary>
public enum FamilyFailure
{
    Open,
    Subscribe,
    Lost,
}

/// <summary>
/// A field of another family's outcome line that says whether the command worked, from the vendor's AT manual:
/// <c>+QMTCONN: 0,0,4</c> has the CONNACK code in field 2, 4 meaning a bad user name or password.
/// </summary>
/// <param name="Line">The line's name: <c>+QMTCONN</c>.</param>
/// <param name="Field">The field (0 = first after the colon).</param>
/// <param name="Kind">What a failure stops.</param>
/// <param name="Ok">The values that are no failure.</param>
/// <param name="Meanings">What the failing values mean, in the manual's words; another value is named by its number.</param>
public sealed record ResultField(string Line, int Field, FamilyFailure Kind, string[] Ok, IReadOnlyDictionary<string, string> Meanings)
{
    /// <summary>The failure <paramref name="line"/> reports in this field; null when it reports none or is another line.</summary>
    public string? Failure(string line)
    {
        if (!line.StartsWith(Line, StringComparison.Ordinal) || line.Length <= Line.Length || line[Line.Length] != ':') return null;
        var fields = line[(Line.Length + 1)..].Split(',');
        if (fields.Length <= Field) return null;
        var value = fields[Field].Trim();
        if (Ok.Contains(value)) return null;
        return Meanings.TryGetValue(value, out var meaning) ? meaning : $"result {value}";
    }
}
