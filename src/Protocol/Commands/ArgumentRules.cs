using System.Globalization;

namespace Conformance.Protocol.Commands;

/// <summary>The manual's rules for command arguments, shared by the builders and the parser.</summary>
internal static class ArgumentRules
{
    public const int MaxMessageLength = 65535;

    public static Broken? Qos(int value) =>
        value is >= 0 and <= 2 ? null : new($"must be 0, 1 or 2 (got {value})");

    public static Broken? Bit(int value) =>
        value is 0 or 1 ? null : new($"must be 0 or 1 (got {value})");

    public static Broken? Range(int value, int min, int max) =>
        value >= min && value <= max ? null : new($"must be from {min} to {max} (got {value})");

    public static Broken? Port(int value) => Range(value, 1, 65535);

    public static Broken? KeepAlive(int value) => Range(value, 0, 65535);

    public static Broken? Timeout(int value) => Range(value, 1, 65535);

    public static Broken? Index(int value) =>
        value == 0 ? null : new($"must be 0, the only index the module supports (got {value})");

    public static Broken? NotEmpty(string value) => value.Length == 0 ? new("must not be empty") : null;

    /// <summary>A string that ends the command line can hold anything a quoted AT string can.</summary>
    public static Broken? LastString(string value) => Find(value, c => c is '"' or '\r' or '\n' or '\0');

    /// <summary>A string followed by more arguments must not hold a curly quote either: lenient readers end it there.</summary>
    public static Broken? String(string value) =>
        Find(value, c => c is '"' or '\r' or '\n' or '\0' or '\u201C' or '\u201D');

    public static Broken? Host(string value) => NotEmpty(value) ?? String(value);

    public static Broken? Topic(string value) => NotEmpty(value) ?? String(value);

    public static Broken? PublishTopic(string value)
    {
        var wildcard = value.IndexOfAny(['+', '#']);
        return Topic(value) ?? (wildcard < 0
            ? null
            : new($"must not contain the wildcard '{value[wildcard]}' (found at character {wildcard + 1}); wildcards are for subscriptions", wildcard));
    }

    public static Broken? MessageLength(int value) => Range(value, 0, MaxMessageLength);

    public static Broken? Bytes(int count) => Range(count, 1, MaxMessageLength);

    /// <summary>Hex mode (message_len &gt; 0): hex digits, two per byte.</summary>
    public static Broken? Hex(string hex)
    {
        for (var i = 0; i < hex.Length; i++)
        {
            if (!char.IsAsciiHexDigit(hex[i]))
                return new($"must be hex digits when message_len > 0 (found {Describe(hex[i])} at character {i + 1})", i);
        }
        if (hex.Length % 2 != 0)
            return new($"must have an even number of hex digits (got {hex.Length})", hex.Length - 1);
        return null;
    }

    /// <summary>In hex mode message_len counts the bytes the hex encodes (spec §3.5).</summary>
    public static Broken? HexLength(int messageLength, string hex) =>
        hex.Length / 2 == messageLength
            ? null
            : new($"must equal the number of bytes of the hex message, {hex.Length / 2} (got {messageLength})");

    private static Broken? Find(string value, Func<char, bool> forbidden)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (forbidden(value[i]))
                return new($"cannot contain {Describe(value[i])} in a quoted AT string (found at character {i + 1})", i);
        }
        return null;
    }

    private static string Describe(char c) => c switch
    {
        '\r' => "CR",
        '\n' => "LF",
        '\0' => "NUL",
        _ when char.IsControl(c) => $"U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}",
        _ => $"'{c}'",
    };
}
