namespace Conformance.Protocol.Secrets;

/// <summary>
/// The one secret policy of every output (traces, reports, logs, <c>frames</c>): what counts as a secret in a
/// line of module traffic. <see cref="SecretMasker"/> adds the secrets a run knows or has learned.
/// </summary>
/// <remarks>
/// A secret is: a credential field of a command (<see cref="CredentialFields"/>: <c>AT+MQTTCFG</c>'s password,
/// <c>AT+CWJAP</c>'s Wi-Fi key, …); the value of a key that names a secret (<see cref="SecretKeys"/>:
/// <c>sign=…</c>, <c>"deviceSecret":"…"</c>); a value known to the run (the API key); and every later repeat
/// of a value once seen in one of those places.
/// </remarks>
public static class SecretPolicy
{
    /// <summary>What a secret is replaced with, as in <c>AT+MQTTCFG?</c>'s own answer.</summary>
    public const string Mask = "***";

    /// <summary>Adds where the rules find a secret in <paramref name="line"/> (one line, no line end) to <paramref name="spans"/>.</summary>
    public static void Find(string line, List<SecretSpan> spans)
    {
        CredentialFields.Find(line, spans);
        SecretKeys.Find(line, spans);
    }

    // Every word a rule starts from: one vectorised scan tells most lines they hold nothing the rules find. A command's
    // name is looked for by what follows its MQTT (`CFG` of MQTTCFG): every line of the MQTT command set has those
    // letters, and a scan whose candidates start there would have to check every one of them again.
    private static readonly System.Buffers.SearchValues<string> Triggers =
        System.Buffers.SearchValues.Create([.. CredentialFields.Names.Select(AfterMqtt).Distinct(StringComparer.OrdinalIgnoreCase), .. SecretKeys.HintWords], StringComparison.OrdinalIgnoreCase);

    // A vendor's one-letter prefix (`UMQTT`, `XMQTTCON`) keeps the name whole: what follows is nothing, or in too many words.
    private static string AfterMqtt(string name) => name.IndexOf("MQTT", StringComparison.OrdinalIgnoreCase) is var at and (0 or >= 2) ? name[(at + 4)..] : name;

    /// <summary>False when the rules can find nothing in <paramref name="line"/>, nor anything it leaves open for the next line.</summary>
    internal static bool MayHold(ReadOnlySpan<char> line) => line.IndexOfAny(Triggers) >= 0 || CredentialFields.MayNameNear(line);

    /// <summary>True when a key (a data point's datastream, a field's name) names a secret: <c>token</c>, <c>deviceSecret</c>, <c>api_key</c>.</summary>
    public static bool NamesSecret(string key) => SecretKeys.IsSecret(key);

    /// <summary><paramref name="text"/> with what the rules alone find masked: for text without a run behind it, e.g. a command's description.</summary>
    public static string Redact(string text) => new SecretMasker().Mask(text);
}
