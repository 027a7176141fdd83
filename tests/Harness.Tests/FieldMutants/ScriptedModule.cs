using System.Text;
using System.Text.RegularExpressions;
using Conformance.Harness.Tests.Doubles;

namespace Conformance.Harness.Tests.FieldMutants;

/// <summary>
/// An M5310-A written from the manual alone, as plain byte strings: a short script of command patterns and the lines
/// each is answered with. It shares no code with the emulator or the protocol library, so a harness bug those share
/// cannot hide here. A <see cref="FieldMutant"/> rewrites what it sends for one command, as shipping firmware does.
/// </summary>
/// <remarks>Text is Latin-1 throughout: one char a byte, so a rewrite can put any byte (NUL, 0xFF) on the wire.</remarks>
/// <param name="mutant">The one way it gets the manual wrong; none when null.</param>
/// <param name="time">The clock of its late answers.</param>
/// <param name="mqtt">Its MQTT client: a loopback in a few lines by default, or one on a real broker.</param>
public sealed partial class ScriptedModule(FieldMutant? mutant = null, TimeProvider? time = null, IMqttSide? mqtt = null) : IModuleDouble
{
    private const string Ok = "OK";
    private readonly LateAnswers _late = new(time ?? TimeProvider.System);
    private readonly IMqttSide _mqtt = mqtt ?? new LoopbackSide();
    private readonly List<string> _subscriptions = [];
    private int _stat;               // +MQTTSTAT: 0 none, 1 configured, 2 disconnected, 5 connected
    private string _readBack = "";   // the +MQTTCFG: line, password masked
    private string _clientId = "";
    private long _lineEndsAnswered, _lineEndsWritten;

    public long LineEndsAnswered => Interlocked.Read(ref _lineEndsAnswered);

    public long LineEndsWritten => Interlocked.Read(ref _lineEndsWritten);

    public bool OwesLateAnswer => _late.Owed;

    public async Task ServeAsync(Stream stream, CancellationToken cancel)
    {
        using var writing = new SemaphoreSlim(1);
        async Task Write(string text)
        {
            await writing.WaitAsync(cancel);
            try
            {
                await stream.WriteAsync(Encoding.Latin1.GetBytes(text), cancel);
                await stream.FlushAsync(cancel);
                Interlocked.Add(ref _lineEndsWritten, text.Count(c => c == '\n'));
            }
            finally { writing.Release(); }
        }
        var line = new StringBuilder();
        var buffer = new byte[512];
        int n;
        while ((n = await stream.ReadAsync(buffer, cancel)) > 0)
        {
            foreach (var c in Encoding.Latin1.GetString(buffer, 0, n))
            {
                if (c is not ('\r' or '\n')) { line.Append(c); continue; }
                if (line.Length == 0) continue;
                var command = line.ToString();
                line.Clear();
                var reply = await AnswerAsync(command);
                if (mutant is { } m && command.StartsWith(m.Command, StringComparison.Ordinal))
                {
                    reply = m.Rewrite(command, reply);
                    if (m.Delay > TimeSpan.Zero)
                    {
                        _late.Send(m.Delay, () => Write(reply));
                        continue;
                    }
                }
                if (reply.IndexOf(FieldMutant.Pause) is var pause and >= 0)
                {
                    // The bytes before the pause now, the rest on the clock's time, as one answer cut in two.
                    var rest = reply[(pause + 1)..];
                    await Write(reply[..pause]);
                    _late.Send(mutant!.PauseFor, () => Write(rest));
                    continue;
                }
                await Write(reply);
            }
            Interlocked.Add(ref _lineEndsAnswered, buffer.AsSpan(0, n).Count((byte)'\n'));
        }
    }

    /// <summary>The manual's answer to <paramref name="command"/>, each line framed <c>\r\n…\r\n</c> as its §1 shows.</summary>
    private async Task<string> AnswerAsync(string command)
    {
        foreach (var (pattern, answer) in Script())
        {
            var match = pattern.Match(command);
            if (match.Success) return string.Concat((await answer(match)).Select(l => $"\r\n{l}\r\n"));
        }
        // Chapter 2: 601 is a syntax error in an MQTT command; anything else is not this module's.
        return command.StartsWith("AT+MQTT", StringComparison.Ordinal) ? "\r\n+CME ERROR: 601\r\n" : "\r\nERROR\r\n";
    }

    private IEnumerable<(Regex, Func<Match, Task<string[]>>)> Script() =>
    [
        (Attention(), _ => Now(Ok)),
        (Csq(), _ => Now("+CSQ: 20,99", Ok)),
        (Cereg(), _ => Now("+CEREG: 0,1", Ok)),
        (Cgatt(), _ => Now("+CGATT: 1", Ok)),
        (Cfg(), m => Now(Configure(m))),
        (CfgRead(), _ => _stat == 0 ? Now("ERROR") : Now(_readBack, Ok)),
        (Stat(), _ => Now($"+MQTTSTAT: {_stat}", Ok)),
        (Open(), _ => _stat is 1 or 2 ? ConnectAsync() : Now("+CME ERROR: 602")),
        (Sub(), m => _stat == 5 ? SubscribeAsync(m.Groups["topic"].Value, int.Parse(m.Groups["qos"].Value)) : Now("+CME ERROR: 651")),
        (SubRead(), _ => _stat == 0 ? Now("ERROR") : Now(["+MQTTSUB:", .. _subscriptions, Ok])),
        (Unsub(), m => _stat == 5 ? UnsubscribeAsync(m.Groups["topic"].Value) : Now("+CME ERROR: 651")),
        (Pub(), m => _stat == 5 ? PublishAsync(m) : Now("+CME ERROR: 651")),
        (Disc(), _ => _stat == 5 ? DisconnectAsync() : Now("+CME ERROR: 3")),
        (Del(), _ => DeleteAsync()),
        (AckTimeout(), _ => Now(Ok)),
        (Ping(), _ => Now(Ok)),
        (Echo(), _ => Now(Ok)),
    ];

    private static Task<string[]> Now(params string[] lines) => Task.FromResult(lines);

    private string[] Configure(Match m)
    {
        if (_stat != 0) return ["+CME ERROR: 602"];
        if (int.Parse(m.Groups["port"].Value) > 65535) return ["+CME ERROR: 601"];
        _stat = 1;
        _clientId = m.Groups["id"].Value.Trim('"');
        _readBack = $"+MQTTCFG: {m.Groups["host"].Value},{m.Groups["port"].Value},{m.Groups["id"].Value},{m.Groups["keep"].Value},{m.Groups["user"].Value},***,{m.Groups["clean"].Value}";
        return [Ok];
    }

    private async Task<string[]> ConnectAsync()
    {
        await _mqtt.ConnectAsync(_clientId);
        _stat = 5;
        return [Ok, "+MQTTOPEN: OK"];
    }

    private async Task<string[]> SubscribeAsync(string topic, int qos)
    {
        var (id, code) = await _mqtt.SubscribeAsync(topic, qos);
        if (!_subscriptions.Contains(topic)) _subscriptions.Add(topic);
        return [Ok, $"+MQTTSUBACK: {id},{code},\"{topic}\""];
    }

    private async Task<string[]> UnsubscribeAsync(string topic)
    {
        var id = await _mqtt.UnsubscribeAsync(topic);
        _subscriptions.Remove(topic);
        return [Ok, $"+MQTTUNSUBACK: {id}"];
    }

    // §1.5: message_len 0 is a quoted string; otherwise hex of exactly message_len bytes. A publish on a subscribed
    // topic comes back from the broker (§1.11, in the manual's layout: header, then the message on its own line).
    private async Task<string[]> PublishAsync(Match m)
    {
        var (topic, qos, length, raw) = (m.Groups["topic"].Value, int.Parse(m.Groups["qos"].Value), int.Parse(m.Groups["len"].Value), m.Groups["msg"].Value);
        string message;
        if (length == 0 && raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"') message = raw[1..^1];
        else if (length > 0 && raw.Length == 2 * length && HexDigits().IsMatch(raw)) message = Encoding.Latin1.GetString(Convert.FromHexString(raw));
        else return ["+CME ERROR: 601"];
        var (id, back) = await _mqtt.PublishAsync(topic, qos, Encoding.Latin1.GetBytes(message));
        List<string> lines = [Ok];
        if (qos == 1) lines.Add($"+MQTTPUBACK: {id},1");
        if (qos == 2) lines.Add($"+MQTTPUBREC: 0,{id}");
        foreach (var delivery in back)
        {
            lines.Add($"+MQTTPUBLISH: 0,{delivery.Qos},0,{delivery.PacketId},\"{delivery.Topic}\",{delivery.Message.Length}");
            lines.Add(Encoding.Latin1.GetString(delivery.Message));
            if (delivery.Qos == 2) lines.Add($"+MQTTPUBREL: 0,{delivery.PacketId}");
        }
        if (qos == 2) lines.Add($"+MQTTPUBCOMP: 0,{id}");
        return [.. lines];
    }

    private async Task<string[]> DisconnectAsync()
    {
        await _mqtt.DisconnectAsync();
        _stat = 2;
        return [Ok, "+MQTTDISC: OK"];
    }

    private async Task<string[]> DeleteAsync()
    {
        await _mqtt.DisconnectAsync();
        _stat = 0;
        _subscriptions.Clear();
        return [Ok];
    }

    private const string Text = "\"[^\"]*\"";
    private const string Topic = "(?:\"(?<topic>[^\"]+)\"|(?<topic>[^\",]+))";

    [GeneratedRegex("^AT$")] private static partial Regex Attention();
    [GeneratedRegex(@"^AT\+CSQ$")] private static partial Regex Csq();
    [GeneratedRegex(@"^AT\+CEREG\?$")] private static partial Regex Cereg();
    [GeneratedRegex(@"^AT\+CGATT\?$")] private static partial Regex Cgatt();
    [GeneratedRegex($@"^AT\+MQTTCFG=(?<host>{Text}),(?<port>\d{{1,5}}),(?<id>{Text}),(?<keep>\d+),(?<user>{Text}),{Text},(?<clean>[01])$")] private static partial Regex Cfg();
    [GeneratedRegex(@"^AT\+MQTTCFG\?$")] private static partial Regex CfgRead();
    [GeneratedRegex(@"^AT\+MQTTSTAT\?$")] private static partial Regex Stat();
    [GeneratedRegex($@"^AT\+MQTTOPEN=[01],[01],[01],[01],[0-2],{Text},{Text}$")] private static partial Regex Open();
    [GeneratedRegex($@"^AT\+MQTTSUB={Topic},(?<qos>[0-2])(?:,0)?$")] private static partial Regex Sub();
    [GeneratedRegex(@"^AT\+MQTTSUB\?$")] private static partial Regex SubRead();
    [GeneratedRegex($@"^AT\+MQTTUNSUB={Topic}$")] private static partial Regex Unsub();
    [GeneratedRegex($@"^AT\+MQTTPUB={Topic},(?<qos>[0-2]),[01],[01],(?<len>\d+),(?<msg>.*)$")] private static partial Regex Pub();
    [GeneratedRegex(@"^AT\+MQTTDISC$")] private static partial Regex Disc();
    [GeneratedRegex(@"^AT\+MQTTDEL$")] private static partial Regex Del();
    [GeneratedRegex(@"^AT\+MQTTTO=\d+$")] private static partial Regex AckTimeout();
    [GeneratedRegex(@"^AT\+MQTTPING=[01]$")] private static partial Regex Ping();
    [GeneratedRegex("^ATE[01]$")] private static partial Regex Echo();
    [GeneratedRegex("^[0-9A-Fa-f]*$")] private static partial Regex HexDigits();
}
