namespace Conformance.Protocol.Families;

/// <summary>What a failed outcome of another family stops: the connection being made, a subscription, another command, or the link itself.</summary>
public enum FamilyFailure
{
    Open,
    Subscribe,
    /// <summary>A publish, unsubscribe or disconnect the module could not carry out.</summary>
    Command,
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
/// <param name="Tag">The first field the line must have, when one name carries several reports: <c>"conn"</c> of <c>+MQTTURC: "conn",0,3</c>.</param>
/// <param name="AskedBy">The command whose answer the line also is (<c>+MQTTCLEAN</c> for ESP-AT's <c>+MQTTDISCONNECTED</c>): right after it, the line is no failure.</param>
public sealed record ResultField(string Line, int Field, FamilyFailure Kind, string[] Ok, IReadOnlyDictionary<string, string> Meanings,
    string? Tag = null, string? AskedBy = null)
{
    /// <summary>The <see cref="Field"/> of a line that fails by coming at all; <see cref="Meanings"/> holds its meaning under "".</summary>
    public const int WholeLine = -1;

    /// <summary>A line that says a failure by coming at all (<c>+MQTTDISCONNECTED:0</c>, <c>+CMQTTNONET</c>), unless it answers <paramref name="askedBy"/>.</summary>
    public static ResultField Whole(string line, FamilyFailure kind, string meaning, string? askedBy = null) =>
        new(line, WholeLine, kind, [], new Dictionary<string, string> { [""] = meaning }, AskedBy: askedBy);

    /// <summary>Said of a failing value the vendor's manual does not list.</summary>
    public const string NotListed = "not in the vendor's published table";

    /// <summary>
    /// The failure <paramref name="line"/> reports in this field; null when it reports none or is another line.
    /// <paramref name="lastCommand"/> is the command line sent last (<c>AT+MQTTCLEAN=0</c>), if any.
    /// </summary>
    public string? Failure(string line, string? lastCommand = null)
    {
        // A line that fails by coming at all may come bare: +CMQTTNONET.
        if (Field == WholeLine && line == Line) return AskedBy is not null && LineFields.IsCommand(lastCommand, AskedBy) ? null : Meanings[""];
        if (!LineFields.After(line, Line, out var fields)) return null;
        if (Tag is not null && !(LineFields.At(fields, 0, out var tag) && tag.SequenceEqual(Tag))) return null;
        if (AskedBy is not null && LineFields.IsCommand(lastCommand, AskedBy)) return null;
        if (Field == WholeLine) return Meanings[""];
        if (!LineFields.At(fields, Field, out var value)) return null;
        foreach (var ok in Ok)
        {
            if (value.SequenceEqual(ok)) return null;
        }
        return ByValue.TryGetValue(value, out var meaning) ? meaning : $"result {value}, {NotListed}";
    }

    // The meanings found from a field read in place.
    private Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByValue { get; } =
        new Dictionary<string, string>(Meanings, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}
