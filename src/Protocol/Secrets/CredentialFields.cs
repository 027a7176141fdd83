using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Secrets;

/// <summary>
/// The commands that carry a credential in a field, with the field's position (0 = first after <c>=</c>), from
/// each vendor's AT manual. A field is masked whatever the field count and quoting, also in a line that does not
/// parse or has junk before <c>AT</c>.
/// </summary>
internal static class CredentialFields
{
    /// <param name="Name">The name after <c>AT+</c>.</param>
    /// <param name="Field">The credential's field.</param>
    /// <param name="When">The value field 0 must have for the rule to apply (a sub-command such as <c>"PASSWORD"</c>).</param>
    /// <param name="InAnswer">The read answer <c>+NAME: …</c> has the same fields (a firmware may echo the password).</param>
    /// <param name="WillFlag">The field whose value 1 puts a will's options before the credential, one field further on.</param>
    private sealed record Rule(string Name, int Field, string? When = null, bool InAnswer = false, int? WillFlag = null);

    private static readonly Rule[] Rules =
    [
        // M5310-A / M5311 / ML302 (manual §1.1): <host>,<port>,<id>,<keepAlive>,<user>,<passwd>,<clean>[,…]
        new("MQTTCFG", 5, InAnswer: true),
        // ESP-AT: <LinkID>,<scheme>,<"client_id">,<"username">,<"password">,<cert_key_ID>,<CA_ID>,<"path">
        new("MQTTUSERCFG", 4),
        // OneMO (ML307, ML305, MN316): <connect_id>,"<host>",<port>,"<clientid>","<username>","<password>"; ESP-AT's has 4 fields
        new("MQTTCONN", 5),
        // ESP-AT (older firmware): <LinkID>,<"password">
        new("MQTTPASSWORD", 1),
        // ESP-AT Wi-Fi: <"ssid">,<"pwd">[,…]; the soft-AP: <"ssid">,<"pwd">,<chl>,<ecn>
        new("CWJAP", 1), new("CWJAP_CUR", 1), new("CWJAP_DEF", 1),
        new("CWSAP", 1), new("CWSAP_CUR", 1), new("CWSAP_DEF", 1),
        // ESP-AT WPA2 Enterprise: <"ssid">,<method>,<"identity">,<"username">,<"password">[,<security>]
        new("CWJEAP", 4),
        // Luat Air780: <clientid>,<username>,<password>[,<will>…]; the password is often a OneNET token
        new("MCONFIG", 2),
        // Quectel: <client_idx>,"<clientID>"[,"<username>"[,"<password>"]]
        new("QMTCONN", 3),
        // Quectel Alibaba auth: "aliauth",<client_idx>,"<productkey>","<devicename>","<devicesecret>"
        new("QMTCFG", 4, When: "aliauth"),
        // Quectel PDP context: <contextID>,<context_type>,<APN>,<username>,<password>[,<authentication>]
        new("QICSGP", 4),
        // SIMCom A76xx: <client_index>,<server_addr>,<keepalive_time>,<clean_session>[,<user_name>[,<pass_word>]]
        new("CMQTTCONNECT", 5),
        // SIMCom SIM7020: <mqtt_id>,<version>,<client_id>,<keepalive>,<cleansession>,<will_flag>[,<will_options>][,<username>,<password>]
        new("CMQCON", 7, WillFlag: 5),
        // SIMCom SIM7000/SIM7080: "PASSWORD",<value>
        new("SMCONF", 1, When: "PASSWORD"),
        // 3GPP 27.007 PDP authentication: <cid>,<auth_prot>,<userid>,<password>
        new("CGAUTH", 3),
        // SIMCom SIM800: <apn>,<user>,<pwd>
        new("CSTT", 2),
    ];

    /// <summary>
    /// Commands whose credential is the raw data the host sends after the module's <c>&gt;</c> prompt, not a field:
    /// ESP-AT <c>AT+MQTTLONGPASSWORD=&lt;LinkID&gt;,&lt;length&gt;</c>.
    /// </summary>
    private static readonly string[] PromptedData = ["AT+MQTTLONGPASSWORD="];

    /// <summary>True when the data sent after <paramref name="line"/>'s prompt is a credential (junk before <c>AT</c> allowed).</summary>
    public static bool PromptsForSecret(string line)
    {
        foreach (var command in PromptedData)
            if (line.Contains(command, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The names of the commands that carry a credential (case aside): a line without any of them holds none of their fields.</summary>
    internal static IEnumerable<string> Names => Rules.Select(r => r.Name).Concat(PromptedData);

    private const int LongestName = 16;

    /// <summary>Adds the credential fields of every command (or read answer) in <paramref name="line"/> to <paramref name="spans"/>.</summary>
    public static void Find(string line, List<SecretSpan> spans)
    {
        var from = 0;
        while (Next(line, ref from, out var start, out var rule)) AddField(line, start, rule, spans);
    }

    /// <summary>
    /// True when <paramref name="line"/> ends in a credential command (or read answer) whose credential field has not
    /// begun: a terminal or a log that broke the line there has the credential on the next line.
    /// </summary>
    public static bool AwaitsCredential(string line)
    {
        var from = 0;
        var awaits = false;
        while (Next(line, ref from, out var start, out var rule))
        {
            var fields = new List<AtFieldRange>(rule.Field + 1);
            AtFieldReader.SplitRanges(line.AsSpan(start), start, rule.Field + 1, fields, out _, out _);
            // A comma that ends the line opens the credential's field without any of it.
            awaits = fields.Count <= rule.Field || fields[rule.Field] is { IsQuoted: false } field && line.AsSpan(field.ValueStart).Trim().IsEmpty;
        }
        return awaits;
    }

    // The next command or read answer with a credential rule at or after `from`: its rule and where its fields start.
    private static bool Next(string line, ref int from, out int start, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Rule? rule)
    {
        while (from < line.Length)
        {
            var plus = line.IndexOf('+', from);
            if (plus < 0) break;
            from = plus + 1;
            var command = plus >= 2 && (line[plus - 2] | 0x20) == 'a' && (line[plus - 1] | 0x20) == 't';
            var end = from;
            while (end < line.Length && end - from <= LongestName && (char.IsAsciiLetterOrDigit(line[end]) || line[end] == '_')) end++;
            // Spaces or a tab before the separator (`AT+MQTTCFG ="h",…`) are the writer's; the module reads past them.
            var at = end;
            while (at < line.Length && line[at] is ' ' or '\t') at++;
            if (end == from || at >= line.Length) continue;
            var separator = line[at];
            if (!(command && separator == '=') && separator != ':') continue;
            rule = Find(line.AsSpan(from, end - from), answer: !command || separator == ':');
            if (rule is null) continue;
            start = at + 1;
            return true;
        }
        (start, rule) = (0, null);
        return false;
    }

    private static Rule? Find(ReadOnlySpan<char> name, bool answer)
    {
        if (!answer) return ByName.TryGetValue(name, out var rule) ? rule : null;
        // Every URC and answer is `+NAME:`; only a few rules apply to answers, so they are compared, not hashed.
        foreach (var rule in AnswerRules)
            if (name.Equals(rule.Name, StringComparison.OrdinalIgnoreCase)) return rule;
        return null;
    }

    private static readonly Rule[] AnswerRules = [.. Rules.Where(r => r.InAnswer)];

    // Every URC and command line names something: a hash of its name, not a walk through every rule.
    private static readonly Dictionary<string, Rule>.AlternateLookup<ReadOnlySpan<char>> ByName =
        Rules.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static void AddField(string line, int start, Rule rule, List<SecretSpan> spans)
    {
        var fields = new List<AtFieldRange>(rule.Field + 3);
        AtFieldReader.SplitRanges(line.AsSpan(start), start, rule.Field + 3, fields, out _, out _);
        var at = rule.WillFlag is { } flag && fields.Count > flag && Value(line, fields[flag]).Trim().SequenceEqual("1") ? rule.Field + 1 : rule.Field;
        if (fields.Count <= at) return;
        if (rule.When is { } when && !Value(line, fields[0]).Trim().Equals(when, StringComparison.OrdinalIgnoreCase)) return;
        // Fields before the last one split are cut at their comma, so the credential ends where its field ends.
        var field = fields[at];
        var value = line.AsSpan(field.ValueStart, field.ValueLength);
        var lead = value.Length - value.TrimStart(' ').Length;
        var length = value.Trim(' ').Length;
        if (field.IsQuoted && Overrun(line, field) is var end and > 0) length = end - field.ValueStart - lead;
        if (length > 0) spans.Add(new SecretSpan(field.ValueStart + lead, length));
    }

    /// <summary>
    /// Where a quoted credential really ends when text follows its closing quote (<c>"pa"ss"</c>: a quote escaped
    /// as ESP-AT writes it, or a password holding one): at the line's last quote, or its end. Masking too much is
    /// safe, a rest left in view is not. 0 when the quote closes the field.
    /// </summary>
    private static int Overrun(string line, AtFieldRange field)
    {
        var close = field.ValueStart + field.ValueLength;
        if (close >= line.Length) return 0;
        if (line[close - 1] == '\\')
        {
            // Escaped as ESP-AT writes it (`\"`): the value runs to the next quote that is not.
            var end = close + 1;
            while (end < line.Length && !(line[end] == '"' && line[end - 1] != '\\')) end++;
            return end;
        }
        var after = close + 1;
        while (after < line.Length && line[after] == ' ') after++;
        if (after >= line.Length || line[after] == ',') return 0;
        var last = line.LastIndexOfAny(['"', '\u201C', '\u201D']);
        return last > after ? last : line.Length;
    }

    private static ReadOnlySpan<char> Value(string line, AtFieldRange field) => line.AsSpan(field.ValueStart, field.ValueLength);
}
