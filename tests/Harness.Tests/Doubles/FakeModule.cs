using System.Text;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Tests.Doubles;

/// <summary>
/// A scripted M5310-A that answers like the manual (in either dialect), with a loopback broker: a publish on a
/// subscribed topic comes back as <c>+MQTTPUBLISH</c>. Told to, it gets exactly one behaviour wrong.
/// </summary>
/// <param name="dialect">How it writes its answers.</param>
/// <param name="fault">The one behaviour it gets wrong.</param>
/// <param name="time">The clock of its late answers.</param>
/// <param name="echo">Whether it echoes each line.</param>
/// <param name="lag">Real time it takes before each answer, as on a machine under load or behind a slow UART.</param>
public sealed class FakeModule(Dialect dialect, Fault fault = Fault.None, TimeProvider? time = null, bool echo = false, TimeSpan lag = default) : IModuleDouble
{
    private readonly LateAnswers _late = new(time ?? TimeProvider.System);
    private readonly Dictionary<string, int> _subscriptions = [];
    private MqttState _state = MqttState.NotInitialised;
    private MqttCfg? _cfg;
    private int _packetId;
    private long _lineEndsAnswered, _lineEndsWritten;
    private bool _silent;

    /// <summary>Line ends of host bytes the module has read and answered.</summary>
    public long LineEndsAnswered => Interlocked.Read(ref _lineEndsAnswered);

    /// <summary>Line ends the module has written to the host.</summary>
    public long LineEndsWritten => Interlocked.Read(ref _lineEndsWritten);

    /// <summary>True while a late answer's time has come but it is not written yet.</summary>
    public bool OwesLateAnswer => _late.Owed;

    /// <summary>Answers host lines read from <paramref name="stream"/> until it closes or the module vanishes.</summary>
    public async Task ServeAsync(Stream stream, CancellationToken cancel)
    {
        var line = new List<byte>();
        var buffer = new byte[1024];
        using var writeLock = new SemaphoreSlim(1);
        async Task Write(byte[] bytes)
        {
            await writeLock.WaitAsync(cancel);
            try
            {
                await stream.WriteAsync(bytes, cancel);
                await stream.FlushAsync(cancel);
                Interlocked.Add(ref _lineEndsWritten, bytes.AsSpan().Count((byte)'\n'));
            }
            finally { writeLock.Release(); }
        }
        void Later(TimeSpan delay, byte[] bytes) => _late.Send(delay, () => Write(bytes));
        int n;
        while ((n = await stream.ReadAsync(buffer, cancel)) > 0)
        {
            if (lag > TimeSpan.Zero) await Task.Delay(lag, cancel);
            for (var i = 0; i < n; i++)
            {
                var b = buffer[i];
                if (b is not ((byte)'\r' or (byte)'\n')) { line.Add(b); continue; }
                if (line.Count == 0) continue;
                var text = Encoding.UTF8.GetString([.. line]);
                line.Clear();
                if (_silent) continue;
                if (echo || fault is Fault.EchoInLowerCase or Fault.UrcBetweenEchoAndAnswer)
                    await Write(Encoding.UTF8.GetBytes((fault == Fault.EchoInLowerCase ? text.ToLowerInvariant() : text) + "\r\n"));
                var (now, later) = Answer(text);
                await Write(now);
                if (fault == Fault.Vanish && text.StartsWith("AT+MQTTOPEN", StringComparison.Ordinal))
                {
                    // Gone: it owes nothing more for what it read.
                    Interlocked.Add(ref _lineEndsAnswered, buffer.AsSpan(0, n).Count((byte)'\n'));
                    return;
                }
                if (fault == Fault.FallsSilent && text.StartsWith("AT+MQTTOPEN", StringComparison.Ordinal)) _silent = true;
                if (later.Length > 0) Later(TimeSpan.FromSeconds(fault == Fault.LateUrc ? 20 : 1), later);
            }
            Interlocked.Add(ref _lineEndsAnswered, buffer.AsSpan(0, n).Count((byte)'\n'));
        }
    }

    /// <summary>The bytes to send at once and those to send late.</summary>
    private (byte[] Now, byte[] Later) Answer(string text)
    {
        var output = new List<byte>();
        var later = new List<byte>();
        void Line(string s) => Bytes(output, Encoding.UTF8.GetBytes(s));
        void Urc(Urc urc) => Bytes(output, urc.Encode(dialect));

        var parsed = AtCommandParser.Parse(text);
        switch (parsed.Value)
        {
            case null: Line(fault switch { Fault.AcceptsBadArguments => "OK", Fault.UnknownCmeCode => "+CME ERROR: 9999", _ => "+CME ERROR: 601" }); break;
            case Attention: Line("OK"); break;
            case SignalQualityRead: Line(new SignalQuality(20, 99).Format(dialect)); Line("OK"); break;
            case RegistrationRead: Line(new Registration(0, 1).Format(dialect)); Line("OK"); break;
            case AttachRead: Line(new Attach(true).Format(dialect)); Line("OK"); break;
            case MqttDel:
                _state = MqttState.NotInitialised;
                _cfg = null;
                _subscriptions.Clear();
                Line("OK");
                break;
            case MqttCfg when _state != MqttState.NotInitialised: Line("+CME ERROR: 651"); break;
            case MqttCfg cfg:
                _state = MqttState.Initialised;
                _cfg = cfg;
                if (fault == Fault.ErrorThenOk) Line("ERROR");
                Line("OK");
                if (fault == Fault.OkTwiceForCfg) Line("OK");
                break;
            case MqttCfgRead when _cfg is { } cfg:
                var password = fault == Fault.PasswordEchoed ? cfg.Password : MqttConfig.Mask;
                Line(new MqttConfig(cfg.Host, cfg.Port, cfg.Id, cfg.KeepAlive, cfg.User, password, cfg.Clean).Format(dialect));
                Line("OK");
                break;
            case MqttStatRead:
                if (fault == Fault.OverlongLineOnStat) Line("+MQTTPINGRSP: " + new string('X', 70_000));
                if (fault == Fault.DebugPrintInAnswer) Line("[mqtt] state machine tick");
                if (fault == Fault.UrcBetweenEchoAndAnswer) Urc(new PingResp());
                var state = fault == Fault.WrongMqttStat && _state == MqttState.Initialised ? MqttState.NotInitialised : _state;
                Line(new MqttStatus(state).Format(dialect));
                if (fault == Fault.StatusLineInAnswer) Line("+CSCON: 1");
                if (fault == Fault.OkWithoutLineEnd)
                {
                    output.AddRange("\r\nOK"u8.ToArray());
                    break;
                }
                Line("OK");
                if (fault == Fault.SubAckUnasked) Urc(new SubAck(++_packetId, 1, "dev/gsm/u"));
                if (fault == Fault.UnsubAckUnasked) Urc(new UnsubAck(++_packetId, null));
                if (fault == Fault.PubAckUnasked) Urc(new PubAck(++_packetId, 1));
                break;
            case MqttOpen when _state == MqttState.NotInitialised: Line("+CME ERROR: 602"); break;
            case MqttOpen when fault == Fault.ErrorInsteadOfOk: Line("ERROR"); break;
            case MqttOpen when _state is not (MqttState.Initialised or MqttState.Disconnected): Line("+CME ERROR: 602"); break;
            case MqttOpen when fault == Fault.OutcomeBeforeOk:
                Urc(new MqttOpenResult(true));
                Line("OK");
                _state = MqttState.Connected;
                break;
            case MqttOpen:
                Line("OK");
                _state = MqttState.Connected;
                if (fault == Fault.LateUrc) Bytes(later, new MqttOpenResult(true).Encode(dialect));
                else if (fault == Fault.OpenResultAsNumber) Line("+MQTTOPEN: 0");
                else Urc(new MqttOpenResult(true));
                break;
            case MqttSub when fault == Fault.RestartsOnSub:
                _state = MqttState.NotInitialised;
                _cfg = null;
                _subscriptions.Clear();
                Line("REBOOT_CAUSE_SECURITY_RESET_PIN");
                Line("Neul ");
                Line("OK");
                break;
            case MqttSub sub when _state == MqttState.Connected:
                Line("OK");
                _subscriptions[sub.Topic] = sub.Qos;
                if (fault != Fault.DropSubAck) Urc(new SubAck(++_packetId, sub.Qos, sub.Topic));
                if (fault == Fault.SubAckTwice) Urc(new SubAck(_packetId, sub.Qos, sub.Topic));
                break;
            case MqttSubRead when _state != MqttState.NotInitialised:
                Line(new SubscriptionListHeader().Format(dialect));
                foreach (var topic in _subscriptions.Keys) Line(topic);
                Line("OK");
                break;
            case MqttUnsub unsub when _state == MqttState.Connected:
                Line("OK");
                if (fault != Fault.KeepsSubscription) _subscriptions.Remove(unsub.Topic);
                if (fault == Fault.PubAckForUnsub) Urc(new PubAck(++_packetId, 1));
                else Urc(new UnsubAck(++_packetId, dialect == Dialect.Field ? unsub.Topic : null));
                if (fault == Fault.ExtraPubAckAfterUnsub) Urc(new PubAck(++_packetId, 1));
                break;
            case MqttPub pub when _state == MqttState.Connected:
                Line("OK");
                Publish(pub, fault == Fault.PubCompBeforePubRecLater ? later : output);
                break;
            case MqttSub or MqttPub: Line("+CME ERROR: 651"); break;
            case MqttTo: Line("OK"); break;
            case MqttPing ping:
                Line("OK");
                // As if a keep-alive was answered right after reports were switched on (manual polarity: 0 shows).
                if (ping.RspEcho == 0 && _state == MqttState.Connected) Urc(new PingResp());
                break;
            case MqttDisc when _state == MqttState.Connected:
                Line("OK");
                _state = MqttState.Disconnected;
                Urc(new MqttDisconnected());
                break;
            case MqttDisc: Line("+CME ERROR: 3"); break;
            default: Line("ERROR"); break;
        }
        return ([.. output], [.. later]);
    }

    private void Publish(MqttPub pub, List<byte> output)
    {
        var id = ++_packetId;
        if (pub.Qos == 1) Bytes(output, new PubAck(id, 1).Encode(dialect));
        var swapped = fault is Fault.PubCompBeforePubRec or Fault.PubCompBeforePubRecLater;
        if (pub.Qos == 2 && swapped) Bytes(output, new PubComp(0, id).Encode(dialect));
        if (pub.Qos == 2) Bytes(output, new PubRec(0, id).Encode(dialect));
        if (_subscriptions.TryGetValue(pub.Topic, out var granted))
        {
            var qos = Math.Min(granted, pub.Qos);
            var inId = qos == 0 ? 0 : ++_packetId;
            var message = pub.GetMessageBytes();
            var sent = fault == Fault.DropsPayloadByte && message.Length > 2 ? [.. message[..(message.Length / 2)], .. message[(message.Length / 2 + 1)..]] : message;
            Bytes(output, fault == Fault.LyingPayloadLength
                ? LyingPublish(qos, inId, pub.Topic, message)
                : DroppingByte(new MqttPublish(0, qos, 0, inId, pub.Topic, message).Encode(dialect), message, sent));
            if (qos == 2) Bytes(output, new PubRel(0, inId).Encode(dialect));
        }
        if (pub.Qos == 2 && !swapped) Bytes(output, new PubComp(0, fault == Fault.WrongPacketId ? id + 1 : id).Encode(dialect));
    }

    private byte[] LyingPublish(int qos, int id, string topic, byte[] message)
    {
        var header = dialect == Dialect.Manual
            ? $"+MQTTPUBLISH: 0,{qos},0,{id},\"{topic}\",{message.Length + 2}\r\n"
            : $"+MQTTPUBLISH:0,{qos},0,{id},{topic},{message.Length + 2},";
        return [.. Encoding.UTF8.GetBytes(header), .. message];
    }

    // The publish as encoded, with the message's bytes replaced by those actually sent (msg_len left as it was).
    private static byte[] DroppingByte(byte[] encoded, byte[] message, byte[] sent)
    {
        if (sent.Length == message.Length) return encoded;
        var at = encoded.AsSpan().LastIndexOf(message);
        return [.. encoded[..at], .. sent, .. encoded[(at + message.Length)..]];
    }

    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    private void Bytes(List<byte> output, byte[] line)
    {
        if (fault == Fault.NoiseBeforeLines) output.AddRange([0x00, 0xFF, 0x00]);
        if (fault == Fault.GarbageBetweenLines) output.AddRange([0x0D, 0x0A, 0xE6, 0x80, 0x98, 0x80, 0xFE, 0x98, 0x9E, 0x98, 0x06, 0x66, 0x66, 0x60]);
        if (fault == Fault.GbkLines) line = Gbk.GetBytes(Encoding.UTF8.GetString(line));
        var end = fault == Fault.LineFeedOnly ? "\n"u8.ToArray() : "\r\n"u8.ToArray();
        output.AddRange(end);
        output.AddRange(line);
        output.AddRange(end);
    }
}
