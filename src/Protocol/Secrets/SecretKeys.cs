using System.Buffers;
using System.Text.RegularExpressions;

namespace Conformance.Protocol.Secrets;

/// <summary>
/// Key/value and JSON bodies anywhere in a line whose key names a secret: <c>sign=…</c> in a OneNET token or a
/// form body, <c>"deviceSecret":"…"</c> in an HTTP answer, <c>password: …</c> in a note.
/// </summary>
internal static partial class SecretKeys
{
    // The last word of a key (camelCase, snake_case, kebab-case) that makes its value a secret.
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pwd", "pass", "passphrase", "psk", "secret", "token", "sign", "signature", "key", "apikey",
        "credential", "credentials", "authinfo", "auth_info",
    };

    /// <summary>What every secret-naming key contains (case aside): a line without any of them names no secret.</summary>
    internal static readonly string[] HintWords = ["pass", "pwd", "psk", "secret", "token", "sign", "key", "credential", "auth"];

    // A cheap test before the expression: most lines name no secret at all.
    private static readonly SearchValues<string> Hints = SearchValues.Create(HintWords, StringComparison.OrdinalIgnoreCase);

    // "key": "value" | 'key': 'value' (a Python dict) | "key": bare | key=value | key: value — the value quoted in
    // double or single quotes (to its closing quote or the line's end) or bare (to the next separator; a JSON array or
    // object opening is structure, not a value to mask).
    [GeneratedRegex("""(?:"(?<key>[A-Za-z_][A-Za-z0-9_.\-]{0,63})"\s*:|'(?<key>[A-Za-z_][A-Za-z0-9_.\-]{0,63})'\s*:|(?<![A-Za-z0-9_])(?<key>[A-Za-z_][A-Za-z0-9_.\-]{0,63})\s*[=:])\s*(?:"(?<value>(?:[^"\\]|\\.)*)"?|'(?<value>(?:[^'\\]|\\.)*)'?|(?<value>[^\s&,;"'}\]\[{][^\s&,;"'}\]]*))""")]
    private static partial Regex Pair();

    /// <summary>Adds the values of secret-named keys in <paramref name="line"/> to <paramref name="spans"/>.</summary>
    public static void Find(string line, List<SecretSpan> spans)
    {
        if (line.AsSpan().IndexOfAny(Hints) < 0) return;
        for (var pair = Pair().Match(line); pair.Success; )
        {
            var (key, value) = (pair.Groups["key"], pair.Groups["value"]);
            if (value.Length > 0 && IsAuthorization(key.ValueSpan) && Credentials(line, value) is { } credentials)
            {
                spans.Add(credentials);
                pair = Pair().Match(line, credentials.End);
            }
            else if (value.Length > 0 && IsSecret(key.ValueSpan) && !ClosesString(line, key, value.Index))
            {
                spans.Add(new SecretSpan(value.Index, value.Length));
                pair = pair.NextMatch();
            }
            // Another key's value may hold a secret's (`AT+MQTTPUB="$sys/p/d/token=…"`, `{"note":"password=…"}`): read on inside it.
            else pair = Pair().Match(line, value.Length > 0 ? value.Index : pair.Index + pair.Length);
        }
    }

    /// <summary>
    /// True when a bare key sits inside a quoted string and the quote after it closes that string rather than opening a
    /// value: a password ending in <c>Key=</c> (<c>"myKey=",1</c>) is a field's end, and <c>,1</c> no secret of its own.
    /// </summary>
    private static bool ClosesString(string line, Group key, int valueStart)
    {
        // A JSON key ("key": …) is quoted itself; only a bare key (key=…, key: …) can sit inside a string.
        var quotedKey = key.Index + key.Length < line.Length && line[key.Index + key.Length] is '"' or '\'';
        if (quotedKey || line[valueStart - 1] != '"') return false;
        var quotes = 0;
        for (var i = 0; i < key.Index; i++)
            if (line[i] == '"' && (i == 0 || line[i - 1] != '\\')) quotes++;
        return quotes % 2 == 1;
    }

    // An HTTP header sent through the module (`AT+HTTPPARA="USERDATA","Authorization: Bearer …"`).
    private static bool IsAuthorization(ReadOnlySpan<char> key) =>
        key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || key.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The credentials of an <c>Authorization</c> header's value: after its scheme (<c>Bearer</c>, <c>Basic</c>) up to the
    /// next space or quote; the value itself when no scheme comes first. Null for a value of <c>key=value</c> pairs
    /// (OneNET's token: <c>Authorization: version=…&amp;sign=…</c>), whose secret keys are masked as any others.
    /// </summary>
    private static SecretSpan? Credentials(string line, Group value)
    {
        var after = value.Index + value.Length;
        if (value.ValueSpan.TrimEnd('=').Contains('=')) return null;   // key=value pairs; a base64 value's padding is no pair
        var start = after;
        while (start < line.Length && line[start] == ' ') start++;
        // A scheme is one word followed by a space and more; a bare value is the credential itself.
        if (start == after || start >= line.Length || line[start] is '"' or '\\' or '\'') return new SecretSpan(value.Index, value.Length);
        var end = line.AsSpan(start).IndexOfAny(" \"'\t\\");   // a space, a quote, a tab, or an escape (`\r\n` written out)
        return new SecretSpan(start, end < 0 ? line.Length - start : end);
    }

    /// <summary>True when the key, or its last word, names a secret: <c>password</c>, <c>deviceSecret</c>, <c>api_key</c>, <c>sign</c>.</summary>
    public static bool IsSecret(ReadOnlySpan<char> key)
    {
        var words = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (words.Contains(key)) return true;
        for (var i = key.Length - 1; i > 0; i--)
        {
            if (key[i] is '_' or '-' or '.') return words.Contains(key[(i + 1)..]);
            if (char.IsAsciiLetterUpper(key[i]) && char.IsAsciiLetterLower(key[i - 1])) return words.Contains(key[i..]);
        }
        return false;
    }
}
