using Conformance.Emulator.Modem;
using Conformance.Emulator.Platform;

namespace Conformance.Emulator.Control;

/// <summary>
/// The control channel's line protocol: each line is one command that switches a fault of
/// <see cref="EmulatorFaults"/> or acts on the module, and gets one answer line, <c>ok …</c> or <c>error: …</c>.
/// This catalog is the one list of commands: parsing, <c>help</c> and the error texts all derive from it.
/// </summary>
/// <param name="module">The module the commands act on.</param>
/// <param name="platform">The embedded broker, when the module uses it: what it grants a subscription is switched here.</param>
public sealed class ControlCommands(VirtualModule module, OneNetPlatform? platform = null)
{
    /// <summary>What a verb takes after it: one of a few words, a whole line, or nothing.</summary>
    private sealed record Verb(string Name, string[] Choices, bool TakesLine, Func<ControlCommands, string, Task<string>> Run)
    {
        public string Usage => TakesLine ? $"{Name} \"LINE\"" : Choices.Length == 0 ? Name : $"{Name} {string.Join('|', Choices)}";
    }

    private static readonly Verb[] Verbs =
    [
        new("broker", ["drop", "refuse", "restore"], false, (c, word) => c.BrokerAsync(word)),
        new("pings", ["stop", "resume"], false, (c, word) => Task.FromResult(c.Pings(word == "stop"))),
        new("acks", ["hold", "release"], false, (c, word) => c.AcksAsync(word == "hold")),
        new("uplink", ["busy", "free"], false, (c, word) => Task.FromResult(c.Uplink(word == "busy"))),
        new("grant", ["0", "1", "2"], false, (c, word) => Task.FromResult(c.Grant(word[0] - '0'))),
        new("urc", [], true, (c, line) => Task.FromResult(c.Urc(line))),
        new("echo", ["on", "off"], false, (c, word) => Task.FromResult(c.Echo(word == "on"))),
        new("reset", [], false, (c, _) => c.ResetAsync()),
        new("status", [], false, (c, _) => Task.FromResult(c.Status())),
        new("help", [], false, (_, _) => Task.FromResult(Help())),
    ];

    private EmulatorFaults Faults => module.Faults;

    /// <summary>The answer to <c>help</c>: every command, from the catalog.</summary>
    public static string Help() => "ok " + string.Join(", ", Verbs!.Select(v => v.Usage));

    /// <summary>Carries out one line; the answer is one line without its line end. A blank line answers null.</summary>
    public async Task<string?> ExecuteAsync(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            var words = ControlWord.Split(line);
            if (words.Count == 0) return null;
            var name = words[0];
            var verb = Verbs.FirstOrDefault(v => v.Name.Equals(name.Text, StringComparison.OrdinalIgnoreCase))
                ?? throw new ControlError($"unknown command '{name.Text}' at column {name.Column}; try help");
            return await verb.Run(this, Argument(verb, line, words));
        }
        catch (ControlError e)
        {
            return "error: " + e.Message;
        }
        catch (InvalidOperationException)
        {
            // EmulatorFaults without a fault proxy: the broker is not on this machine.
            return "error: broker-side faults need a broker on this machine (the embedded one or a loopback --broker)";
        }
    }

    private static string Argument(Verb verb, string line, List<ControlWord> words)
    {
        var name = words[0];
        if (verb.TakesLine)
        {
            // A quoted line (with \" inside), or the rest of the line as it is.
            var rest = line[name.End..].Trim();
            if (rest.Length == 0) throw new ControlError($"'{verb.Name}' needs the line to send after column {name.End}, e.g. {verb.Name} \"+MQTTDISC: OK\"");
            if (!rest.StartsWith('"')) return rest;
            if (words.Count > 2) throw new ControlError($"unexpected '{words[2].Text}' at column {words[2].Column} after the quoted line");
            return words[1].Text.Length > 0 ? words[1].Text : throw new ControlError($"the line at column {words[1].Column} is empty");
        }
        if (verb.Choices.Length == 0)
        {
            if (words.Count > 1) throw new ControlError($"'{verb.Name}' takes nothing, but '{words[1].Text}' is at column {words[1].Column}");
            return "";
        }
        var choices = string.Join(", ", verb.Choices[..^1]) + " or " + verb.Choices[^1];
        if (words.Count == 1) throw new ControlError($"'{verb.Name}' needs {choices} after column {name.End}");
        var choice = words[1];
        if (!verb.Choices.Contains(choice.Text, StringComparer.OrdinalIgnoreCase))
            throw new ControlError($"'{verb.Name}' takes {choices}, not '{choice.Text}' at column {choice.Column}");
        if (words.Count > 2) throw new ControlError($"unexpected '{words[2].Text}' at column {words[2].Column}; '{verb.Name} {choice.Text}' takes nothing more");
        return choice.Text.ToLowerInvariant();
    }

    private async Task<string> BrokerAsync(string word)
    {
        switch (word)
        {
            case "drop":
                var connected = module.State == Protocol.Responses.MqttState.Connected;
                await Faults.DropConnectionAsync();
                return connected ? "ok broker drop: connection cut; the module reconnects" : $"ok broker drop: no connection was open (state {(int)module.State})";
            case "refuse":
                Faults.BrokerUnreachable = true;
                return "ok broker refuse: new connections are refused";
            default:
                Faults.BrokerUnreachable = false;
                return "ok broker restore: new connections are accepted";
        }
    }

    private string Pings(bool stop)
    {
        Faults.PingUnanswered = stop;
        return stop ? "ok pings stop: PINGREQs go unanswered" : "ok pings resume: PINGREQs are answered";
    }

    private async Task<string> AcksAsync(bool hold)
    {
        if (hold)
        {
            Faults.DelayAcks();
            return "ok acks hold: the broker's ACKs are held back";
        }
        await Faults.ReleaseAcksAsync();
        return "ok acks release: held ACKs delivered";
    }

    private string Uplink(bool busy)
    {
        Faults.UplinkBusy = busy;
        return busy ? "ok uplink busy: AT+MQTTPUB answers +CME ERROR: 652" : "ok uplink free";
    }

    // MQTT 3.1.1 §3.9.3 lets a broker grant less than asked: the module reports it in +MQTTSUBACK and gets its messages so.
    private string Grant(int qos)
    {
        var broker = platform ?? throw new ControlError("'grant' needs the embedded broker: a --broker elsewhere grants what it grants");
        broker.MaximumGrantedQos = (Mqtt.MqttQos)qos;
        return $"ok grant {qos}: subscriptions from now on are granted QoS {qos} at most";
    }

    private string Urc(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\0', '\x1f') >= 0) throw new ControlError("the line must not contain control characters");
        module.SendUnsolicited(text);
        return $"ok urc sent ({text.Length} characters)";
    }

    private string Echo(bool on)
    {
        module.SetEcho(on);
        return on ? "ok echo on" : "ok echo off";
    }

    private async Task<string> ResetAsync()
    {
        await module.ResetAsync();
        return $"ok reset: power-on state (state 0, echo {(module.Echo ? "on" : "off")})";
    }

    private string Status()
    {
        string Broker()
        {
            try { return $"broker {(Faults.BrokerUnreachable ? "refusing" : "accepting")}, pings {(Faults.PingUnanswered ? "stopped" : "answered")}, acks {(Faults.AcksDelayed ? "held" : "passing")}, "; }
            catch (InvalidOperationException) { return "broker remote (no broker faults), "; }
        }
        var grants = platform is null ? "" : $", grants QoS {(int)platform.MaximumGrantedQos} at most";
        return $"ok state {(int)module.State} ({module.State}), echo {(module.Echo ? "on" : "off")}, {Broker()}uplink {(Faults.UplinkBusy ? "busy" : "free")}{grants}";
    }
}
