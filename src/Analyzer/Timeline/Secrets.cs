using Conformance.Protocol.Commands;
using Conformance.Protocol.Syntax;

namespace Conformance.Analyzer.Timeline;

/// <summary>
/// Keeps MQTTCFG passwords (OneNET API keys) out of every text the analysis stores: the command line itself,
/// and any later line or message that repeats a password already seen.
/// </summary>
internal sealed class Secrets(bool show)
{
    private const string Mask = "***";
    private const int PasswordField = 5;
    private const int MaxKnown = 16;
    // Shorter values would mask unrelated text; the command line itself is still redacted field-wise.
    private const int MinScrubbed = 4;

    private readonly List<string> _known = [];

    /// <summary>The command line as reports show it; learns the password of an <c>AT+MQTTCFG=</c>.</summary>
    public string Command(string line, AtCommand? parsed)
    {
        var equals = line.IndexOf('=');
        if (show || equals < 0 || !line.StartsWith("AT+MQTTCFG", StringComparison.OrdinalIgnoreCase)) return Scrub(line);
        var password = parsed is MqttCfg cfg ? cfg.Password : PasswordOf(line, equals);
        if (password is null) return MqttCfg.RedactUnparsed(line);
        if (password.Length >= MinScrubbed && _known.Count < MaxKnown && !_known.Contains(password)) _known.Add(password);
        return parsed is MqttCfg known ? known.FormatRedacted() : Scrub(line);
    }

    /// <summary><paramref name="text"/> with every known password replaced by <c>***</c>.</summary>
    public string Scrub(string text)
    {
        if (show) return text;
        foreach (var secret in _known) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }

    private static string? PasswordOf(string line, int equals)
    {
        var fields = AtFieldReader.Split(line[(equals + 1)..], equals + 1, PasswordField + 2, out var error);
        return error is null && fields.Count > PasswordField && fields[PasswordField].Value.Length >= MinScrubbed
            ? fields[PasswordField].Value
            : null;
    }
}
