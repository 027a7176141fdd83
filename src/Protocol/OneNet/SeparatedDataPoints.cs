using System.Globalization;

namespace Conformance.Protocol.OneNet;

/// <summary>
/// A type 5 or 6 payload: text such as <c>,;temperature,22.5;humidity,40</c> whose first two characters are the
/// field and record separators, then records of name, field separator, value.
/// </summary>
/// <param name="Type"><see cref="DpType.Separated"/> or <see cref="DpType.TimedSeparated"/>.</param>
/// <param name="FieldSeparator">Between a name and its value.</param>
/// <param name="RecordSeparator">Between records.</param>
/// <param name="Fields">The records in order.</param>
/// <param name="At">The time written after a <c>0x86</c> type byte (type 6 only), UTC.</param>
public sealed record SeparatedDataPoints(
    DpType Type, char FieldSeparator, char RecordSeparator, IReadOnlyList<NamedValue> Fields, DateTime? At = null) : DpPayload
{
    public override DpType Type { get; } = Type;

    /// <summary>The text as written in the payload.</summary>
    public string Text => $"{FieldSeparator}{RecordSeparator}" +
        string.Join(RecordSeparator, Fields.Select(f => $"{f.Name}{FieldSeparator}{f.Value}"));

    /// <summary>One point per record; a value that reads as a finite invariant-culture number is a number.</summary>
    public override IReadOnlyList<DataPoint> DataPoints =>
        [.. Fields.Select(f => new DataPoint(f.Name, At, ToValue(f.Value)))];

    private static DataValue ToValue(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? DataValue.Of(number)
            : DataValue.Of(text);
}
