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
    /// <param name="Last">No field follows the credential: an unquoted one runs to the line's end, commas and all.</param>
    /// <param name="Short">The credential's field in another vendor's shorter form of the command (fewer fields than
    /// <paramref name="Field"/>), where it is last; not when that field is a flag (0 or 1), another form's own.</param>
    /// <param name="After">The fields the manual puts after the credential, a letter each: <c>f</c> a flag (0 or 1), <c>n</c> a
    /// number (a channel, an id, a port), <c>s</c> a string (a path, a URL, a BSSID). An unquoted credential that holds commas is told from them by
    /// counting from the line's end (<see cref="CountedEnd"/>).</param>
    /// <param name="Optional">How many of the last of <paramref name="After"/> the manual makes optional.</param>
    /// <param name="Sibling">The fields a sibling module's longer form puts after the credential, as <paramref name="After"/>: a
    /// line whose end fits them is read as that form.</param>
    private sealed record Rule(string Name, int Field, string? When = null, bool InAnswer = false, int? WillFlag = null, bool Last = false, int? Short = null,
        string After = "", int Optional = 0, string? Sibling = null);

    private static readonly Rule[] Rules =
    [
        // M5310-A / M5311 / ML302 (manual §1.1): <host>,<port>,<id>,<keepAlive>,<user>,<passwd>,<clean>[,…]
        // M5311 firmware sends an eighth field after clean (`…,pass,0,0`, read so by MqttCfg): where the first of the last two is
        // no flag (`…,ab,12,1`), the line is the manual's, its password `ab,12`.
        new("MQTTCFG", 5, InAnswer: true, After: "f", Sibling: "fn"),
        // ESP-AT: <LinkID>,<scheme>,<"client_id">,<"username">,<"password">,<cert_key_ID>,<CA_ID>,<"path">
        new("MQTTUSERCFG", 4, After: "nns"),
        // OneMO (ML307, ML305, MN316): <connect_id>,"<host>",<port>,"<clientid>","<username>","<password>"; Realtek Ameba:
        // <con_id>,<clientid>,<username>,<password>; ESP-AT's four fields end in a reconnect flag, no credential
        new("MQTTCONN", 5, Last: true, Short: 3),
        // ESP-AT (older firmware): <LinkID>,<"password">
        new("MQTTPASSWORD", 1, Last: true),
        // ESP-AT Wi-Fi: <"ssid">,<"pwd">[,<"bssid">][,<pci_en>][,<reconn_interval>][,<listen_interval>][,<scan_mode>][,<jap_timeout>][,<pmf>]
        // (older firmware: up to the bssid); the soft-AP: <"ssid">,<"pwd">,<chl>,<ecn>[,<max conn>][,<ssid hidden>]
        new("CWJAP", 1, After: "snnnnnn", Optional: 7), new("CWJAP_CUR", 1, After: "s", Optional: 1), new("CWJAP_DEF", 1, After: "s", Optional: 1),
        new("CWSAP", 1, After: "nnnn", Optional: 2), new("CWSAP_CUR", 1, After: "nnnn", Optional: 2), new("CWSAP_DEF", 1, After: "nnnn", Optional: 2),
        // ESP-AT WPA2 Enterprise: <"ssid">,<method>,<"identity">,<"username">,<"password">[,<security>]
        new("CWJEAP", 4, After: "n", Optional: 1),
        // Luat Air780: <clientid>,<username>,<password>[,<will_qos>,<will_retain>,<will_topic>,<will_message>]; the password is often a OneNET token
        new("MCONFIG", 2, After: "nnss", Optional: 4),
        // Quectel: <client_idx>,"<clientID>"[,"<username>"[,"<password>"]]
        new("QMTCONN", 3, Last: true),
        // Quectel Alibaba auth: "aliauth",<client_idx>,"<productkey>","<devicename>","<devicesecret>"
        new("QMTCFG", 4, When: "aliauth", Last: true),
        // Quectel PDP context: <contextID>,<context_type>,<APN>,<username>,<password>[,<authentication>]
        new("QICSGP", 4, After: "n", Optional: 1),
        // SIMCom A76xx: <client_index>,<server_addr>,<keepalive_time>,<clean_session>[,<user_name>[,<pass_word>]]
        new("CMQTTCONNECT", 5, Last: true),
        // SIMCom SIM7020: <mqtt_id>,<version>,<client_id>,<keepalive>,<cleansession>,<will_flag>[,<will_options>][,<username>,<password>]
        new("CMQCON", 7, WillFlag: 5, Last: true),
        // SIMCom SIM7000/SIM7080: "PASSWORD",<value>
        new("SMCONF", 1, When: "PASSWORD", Last: true),
        // u-blox SARA: <op_code>,…; op_code 4 sets <username>,<password>
        new("UMQTT", 2, When: "4", Last: true),
        // Nordic Serial LTE Modem: AT#XMQTTCON=<op>,<client_id>,<username>,<password>,<url>,<port>[,<sec_tag>]
        new("XMQTTCON", 3, After: "snn", Optional: 1),
        // 3GPP 27.007 PDP authentication: <cid>,<auth_prot>,<userid>,<password>
        new("CGAUTH", 3, Last: true),
        // SIMCom SIM800: <apn>,<user>,<pwd>
        new("CSTT", 2, Last: true),
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
            // A comma that ends the line opens the credential's field without any of it. Another vendor's shorter form that
            // ends in its own flag (ESP-AT's `AT+MQTTCONN=0,"host",1883,1`) is whole.
            awaits = fields.Count <= rule.Field && !(rule.Short is { } shortField && fields.Count == shortField + 1 && IsFlag(line, fields[shortField]))
                || fields.Count > rule.Field && fields[rule.Field] is { IsQuoted: false } field && line.AsSpan(field.ValueStart).Trim().IsEmpty;
        }
        return awaits;
    }

    // The next command or read answer with a credential rule at or after `from`: its rule and where its fields start.
    private static bool Next(string line, ref int from, out int start, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Rule? rule)
    {
        while (NextName(line, ref from, out var name, out var command, out var separatorAt))
        {
            var separator = line[separatorAt];
            if (!(command && separator == '=') && separator != ':') continue;
            var answer = !command || separator == ':';
            // A name garbled by line noise or a typing slip (`AT+MQTTCF=`, `AT+MQTTCGF=`) still carries the credential.
            rule = Find(line.AsSpan(name.Start, name.Length), answer) ?? (answer ? null : Near(line.AsSpan(name.Start, name.Length)));
            if (rule is null) continue;
            start = separatorAt + 1;
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
        // Every field: the credential's end is counted from the line's.
        AtFieldReader.SplitRanges(line.AsSpan(start), start, int.MaxValue, fields, out var error, out var errorAt);
        var at = rule.WillFlag is { } flag && fields.Count > flag && Value(line, fields[flag]).Trim().SequenceEqual("1") ? rule.Field + 1 : rule.Field;
        if (rule.When is { } when && (fields.Count == 0 || !Value(line, fields[0]).Trim().Equals(when, StringComparison.OrdinalIgnoreCase))) return;
        if (error is not null && Garbles(line, fields, errorAt) && (fields.Count <= at || errorAt < fields[at].Start))
        {
            Garbled(line, start, at, errorAt, spans);
            return;
        }
        if (fields.Count <= at && rule.Short is { } shortField && fields.Count == shortField + 1 && !IsFlag(line, fields[shortField])) at = shortField;
        if (fields.Count <= at) return;
        // Fields before the last one split are cut at their comma, so the credential ends where its field ends.
        var field = fields[at];
        var value = line.AsSpan(field.ValueStart, field.ValueLength);
        var lead = value.Length - value.TrimStart(' ').Length;
        var length = value.Trim(' ').Length;
        if (field.IsQuoted && Overrun(line, field) is var end and > 0) length = end - field.ValueStart - lead;
        else if (!field.IsQuoted && Unquoted(line, fields, at, rule) is var last and > 0) length = last - field.ValueStart - lead;
        if (length > 0) spans.Add(new SecretSpan(field.ValueStart + lead, length));
    }

    /// <summary>
    /// Where an unquoted credential really ends when it may hold commas (<c>…,"user",pa,ss,1</c>, <c>…,ab,12,1</c>): the
    /// command's own fields after it (<see cref="Rule.After"/>) are counted from the line's end, and the fields between are
    /// the credential's (<see cref="CountedEnd"/>); a line whose end fits no such count keeps the fields after the credential
    /// its own up to the first that is quoted or a bare number (<see cref="PiecesEnd"/>). To the line's end where the manual
    /// puts no field after the credential. 0 when the credential's field is its own.
    /// </summary>
    private static int Unquoted(string line, List<AtFieldRange> fields, int at, Rule rule)
    {
        if (rule.Last) return line.AsSpan().TrimEnd(' ').Length;
        var end = CountedEnd(line, fields, at, rule) ?? PiecesEnd(line, fields, at);
        return end == at ? 0 : fields[end].ValueStart + Value(line, fields[end]).TrimEnd(' ').Length;
    }

    /// <summary>
    /// The credential's last field when the command's own fields are counted from the line's end: as few of them as the
    /// manual allows, each of the shape it gives, so an optional field is masked with the credential when the line may be
    /// read either way (a piece left in view would be a leak, a flag masked is not); a sibling module's form first, where the
    /// line's end is its fields exactly. A quoted field is the command's own (an unquoted value's piece is not quoted): the
    /// credential ends before the first. Null when no count fits the line.
    /// </summary>
    private static int? CountedEnd(string line, List<AtFieldRange> fields, int at, Rule rule)
    {
        var before = at + 1;
        while (before < fields.Count && !IsQuoted(line, fields[before])) before++;
        if (rule.Sibling is { } sibling && fields.Count - sibling.Length - 1 is var end && end >= at && end < before && Fits(line, fields, end + 1, sibling))
            return end;
        for (var last = Math.Min(before, fields.Count - rule.After.Length + rule.Optional) - 1; last >= at; last--)
            if (Fits(line, fields, last + 1, rule.After)) return last;
        return null;
    }

    // The fields from `from` on are as many as the manual's fields after the credential, or fewer, each of the shape the
    // manual gives it: a flag (0 or 1) or a number where it has one, anything but a bare number where it has a string (an
    // empty field fits any).
    private static bool Fits(string line, List<AtFieldRange> fields, int from, string after)
    {
        if (fields.Count - from > after.Length) return false;
        for (var i = from; i < fields.Count; i++)
        {
            var value = Value(line, fields[i]).Trim(' ');
            if (value.IsEmpty) continue;
            var fits = after[i - from] switch
            {
                'f' => value is "0" or "1",
                'n' => IsNumber(value),
                _ => !IsNumber(value) || fields[i].IsQuoted,
            };
            if (!fits) return false;
        }
        return true;
    }

    /// <summary>
    /// The credential's last field on a line whose end fits no count of the manual's fields (a field missing, a number where
    /// a string goes): the fields after it are its own up to the first that is quoted or a bare number (the command's own
    /// flags: clean session, channel, authentication). Masking too much is safe, a piece left in view is not.
    /// </summary>
    private static int PiecesEnd(string line, List<AtFieldRange> fields, int at)
    {
        var end = at;
        while (end + 1 < fields.Count && !IsQuoted(line, fields[end + 1]) && !IsNumber(Value(line, fields[end + 1]).Trim(' '))) end++;
        return end;
    }

    // Quoted, or holding a quote (a field the split read past a stray one).
    private static bool IsQuoted(string line, AtFieldRange field) =>
        field.IsQuoted || Value(line, field).IndexOfAny('"', '\u201C', '\u201D') >= 0;

    private static bool IsFlag(string line, AtFieldRange field) => Value(line, field).Trim() is "0" or "1";

    private static bool IsNumber(ReadOnlySpan<char> value) => !value.IsEmpty && !value.ContainsAnyExceptInRange('0', '9');

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

    /// <summary>
    /// True when the fault at <paramref name="faultAt"/> breaks the fields: a quote left open with fields after it, or
    /// text glued to a closing quote (<c>"prod"Zq9</c>, <c>"prod""pass"</c>). Not a quote the line's end leaves open with
    /// no field after it (a line broken in two, the next line its rest), nor words after a closing quote (a message
    /// quoting the command: <c>…,"75829": expected +CME ERROR: 601</c>).
    /// </summary>
    private static bool Garbles(string line, List<AtFieldRange> fields, int faultAt)
    {
        if (fields.Count > 0 && fields[^1].Start == faultAt) return line.AsSpan(faultAt).IndexOf(',') >= 0;
        return faultAt < line.Length && (char.IsLetterOrDigit(line[faultAt]) || line[faultAt] is '"' or '\u201C' or '\u201D');
    }

    /// <summary>
    /// A line whose quotes are broken before the credential's field (a quote or a comma lost on the line): where that
    /// field starts is not known, so everything from where it may start is masked — from the first fault, or from
    /// the field's start counting every comma, whichever comes first (a comma inside quotes only moves a field on).
    /// </summary>
    private static void Garbled(string line, int start, int field, int faultAt, List<SecretSpan> spans)
    {
        var from = faultAt;
        var commas = 0;
        for (var i = start; i < faultAt; i++)
            if (line[i] == ',' && ++commas == field)
            {
                from = i + 1;
                break;
            }
        if (from < line.Length) spans.Add(new SecretSpan(from, line.Length - from, Unsure: true));
    }

    /// <summary>The rule of a name one slip away from a credential command's (a letter lost, added, changed or swapped).</summary>
    private static Rule? Near(ReadOnlySpan<char> name)
    {
        if (name.Length < 4) return null;
        foreach (var rule in Rules)
            if (rule.Name.Length >= 5 && OneSlipApart(name, rule.Name)) return rule;
        return null;
    }

    /// <summary>
    /// True when a name in a command line may be a credential command's garbled: one slip from one, case aside. Asked
    /// of every command line the scan for the names themselves passed, so answered from a cache by name.
    /// </summary>
    internal static bool MayNameNear(ReadOnlySpan<char> line)
    {
        // A garbled name is looked for where a command starts, after at most a logger's prefix: not in the rest of a
        // long line (a publish's message), which the scan for the names themselves reads whole. Most lines are the
        // module's, without a command's `=` there.
        line = line[..Math.Min(line.Length, NearNameWithin)];
        if (line.IndexOf('=') < 0) return false;
        var from = 0;
        while (NextName(line, ref from, out var range, out var command, out var separatorAt))
        {
            if (!command || line[separatorAt] != '=') continue;
            var name = line.Slice(range.Start, range.Length);
            // A host sends the same few commands over and over: the last name asked is asked again.
            if (t_lastName is { } last && name.SequenceEqual(last))
            {
                if (t_lastNear) return true;
                continue;
            }
            if (!NearNames.TryGetValue(name, out var near))
            {
                near = Near(name) is not null;
                if (NearNames.Dictionary.Count < 1024) NearNames.TryAdd(name, near);
            }
            (t_lastName, t_lastNear) = (name.ToString(), near);
            if (near) return true;
        }
        return false;
    }

    /// <summary>
    /// The next name after a <c>+</c> at or after <paramref name="from"/> that a separator follows (<c>=</c> or
    /// <c>:</c>, or anything else for the caller to judge): whether <c>AT</c> comes before it, and where the separator is.
    /// </summary>
    private static bool NextName(ReadOnlySpan<char> line, ref int from, out Range name, out bool command, out int separatorAt)
    {
        while (from < line.Length)
        {
            // `AT+NAME`, `+NAME:`, and a vendor's `AT#NAME` (Nordic, Telit).
            var plus = line[from..].IndexOfAny('+', '#');
            if (plus < 0) break;
            plus += from;
            from = plus + 1;
            if (line[plus] == '#' && !(plus >= 2 && (line[plus - 2] | 0x20) == 'a' && (line[plus - 1] | 0x20) == 't')) continue;
            var end = from;
            while (end < line.Length && end - from <= LongestName && (char.IsAsciiLetterOrDigit(line[end]) || line[end] == '_')) end++;
            // Spaces or a tab before the separator (`AT+MQTTCFG ="h",…`) are the writer's; the module reads past them.
            var at = end;
            while (at < line.Length && line[at] is ' ' or '\t') at++;
            if (end == from || at >= line.Length) continue;
            (name, command, separatorAt) = (new Range(from, end - from), plus >= 2 && (line[plus - 2] | 0x20) == 'a' && (line[plus - 1] | 0x20) == 't', at);
            return true;
        }
        (name, command, separatorAt) = (default, false, 0);
        return false;
    }

    private readonly record struct Range(int Start, int Length);

    private const int NearNameWithin = 128;

    [ThreadStatic] private static string? t_lastName;
    [ThreadStatic] private static bool t_lastNear;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> NearNames =
        new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Optimal string alignment distance of at most 1, case aside.
    private static bool OneSlipApart(ReadOnlySpan<char> a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        var i = 0;
        while (i < a.Length && i < b.Length && Same(a[i], b[i])) i++;
        if (i == a.Length && i == b.Length) return true;
        if (a.Length == b.Length)
        {
            // One letter changed, or two neighbours swapped.
            if (a[(i + 1)..].Equals(b.AsSpan(i + 1), StringComparison.OrdinalIgnoreCase)) return true;
            return i + 1 < a.Length && Same(a[i], b[i + 1]) && Same(a[i + 1], b[i]) && a[(i + 2)..].Equals(b.AsSpan(i + 2), StringComparison.OrdinalIgnoreCase);
        }
        // One letter lost or added.
        return a.Length > b.Length ? a[(i + 1)..].Equals(b.AsSpan(i), StringComparison.OrdinalIgnoreCase)
            : a[i..].Equals(b.AsSpan(i + 1), StringComparison.OrdinalIgnoreCase);
    }

    private static bool Same(char x, char y) => (x | 0x20) == (y | 0x20) && char.IsAsciiLetter(x) || x == y;

    private static ReadOnlySpan<char> Value(string line, AtFieldRange field) => line.AsSpan(field.ValueStart, field.ValueLength);
}
