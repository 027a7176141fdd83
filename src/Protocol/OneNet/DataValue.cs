using System.Globalization;

namespace Conformance.Protocol.OneNet;

/// <summary>A data point's value as a platform stores it: a number, or text.</summary>
/// <param name="Number">Set when the value is a number.</param>
/// <param name="Text">Set otherwise: a JSON string's content, or the raw JSON of an object, array, boolean or null.</param>
public readonly record struct DataValue(double? Number, string? Text)
{
    public static DataValue Of(double number) => new(number, null);

    public static DataValue Of(string text) => new(null, text);

    public override string ToString() => Number?.ToString("R", CultureInfo.InvariantCulture) ?? Text ?? "";
}
