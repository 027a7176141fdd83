using System.Globalization;
using System.Text;

namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// One device's session as sent and received, with times: identity reads, configuration, MQTT open, a few
/// publishes, optional reconnection episodes; rendered in the formats customers send.
/// </summary>
internal sealed class DeviceSession
{
    private readonly List<(TimeSpan At, bool Sent, string Text)> _lines = [];
    private TimeSpan _clock;

    public DeviceSession(TimeSpan start) => _clock = start;

    /// <summary>A whole session of a device: IMEI and firmware read, open after <paramref name="openMs"/>, publishes, close.</summary>
    public static DeviceSession Of(string imei, string firmware, int openMs, int episodes, int publishes, TimeSpan start)
    {
        var session = new DeviceSession(start)
            .Exchange("AT+CGSN=1", $"+CGSN: {imei}", 20)
            .Exchange("AT+CGMR", $"+CGMR: {firmware}", 25)
            .Exchange("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev" + imei[^4..] + "\",120,\"318800\",\"FleetPass" + imei[^4..] + "\",1", null, 30)
            .Exchange("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", null, openMs).Receive("+MQTTOPEN: OK", 400);
        for (var i = 0; i < publishes; i++) session.Exchange($"AT+MQTTPUB=\"dev/{imei[^4..]}/u\",0,0,0,0,\"t={20 + i}\"", null, 35 + i % 7);
        // A reconnection episode: missed PINGRESPs, an attempt, connected again; three within ten minutes are a storm.
        for (var e = 0; e < episodes; e++)
            session.Receive("+MQTTTO: 5", 60_000).Receive("+MQTTREC: 0", 5_000).Receive("+MQTTOPEN: OK", 3_000);
        return session.Exchange("AT+MQTTDISC", null, 30).Receive("+MQTTDISC: OK", 100);
    }

    public DeviceSession Exchange(string command, string? information, int latencyMs)
    {
        _lines.Add((_clock, true, command));
        _clock += TimeSpan.FromMilliseconds(latencyMs);
        if (information is not null) _lines.Add((_clock, false, information));
        _lines.Add((_clock, false, "OK"));
        _clock += TimeSpan.FromMilliseconds(500);
        return this;
    }

    public DeviceSession Receive(string urc, int afterMs)
    {
        _clock += TimeSpan.FromMilliseconds(afterMs);
        _lines.Add((_clock, false, urc));
        return this;
    }

    /// <summary>Bytes as read from the port: CRLF line ends, answers framed by empty lines, no times.</summary>
    public string Raw()
    {
        var text = new StringBuilder();
        foreach (var (_, sent, line) in _lines) text.Append(sent ? $"{line}\r\n" : $"\r\n{line}\r\n");
        return text.ToString();
    }

    /// <summary>Tera Term or minicom with timestamps: every line stamped with date and time, no direction.</summary>
    public string TeraTerm(DateOnly day) => Lines(at => $"[{Stamp(day, at, "yyyy-MM-dd HH:mm:ss.fff")}] {{0}}", sentPrefix: "", receivedPrefix: "");

    /// <summary>SSCOM text mode: time of day, 发→◇ for sent and 收←◆ for received.</summary>
    public string Sscom()
    {
        var text = new StringBuilder();
        foreach (var (at, sent, line) in _lines)
        {
            var stamp = (DateTime.MinValue + at).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            text.Append(sent ? $"[{stamp}]发→◇{line}\r\n□\r\n" : $"[{stamp}]收←◆\r\n{line}\r\n");
        }
        return text.ToString();
    }

    /// <summary>Docklight: US date, [TX]/[RX], control characters spelled out.</summary>
    public string Docklight(DateOnly day) => Lines(
        at => $"{Stamp(day, at, "M/d/yyyy HH:mm:ss.fff")} {{0}}", sentPrefix: "[TX] - ", receivedPrefix: "[RX] - <CR><LF>", suffix: "<CR><LF>");

    /// <summary>A Python gateway logging through loguru: its time, level and place, then <c>&gt;&gt;</c> for sent and <c>&lt;&lt;</c> for received.</summary>
    public string Loguru(DateOnly day) => Lines(
        at => $"{Stamp(day, at, "yyyy-MM-dd HH:mm:ss.fff")} | DEBUG    | gateway.modem:io:88 - {{0}}", sentPrefix: ">> ", receivedPrefix: "<< ");

    /// <summary>The manual's own transcript style: [#Send] and [#Recv], no times.</summary>
    public string Transcript()
    {
        var text = new StringBuilder();
        foreach (var (_, sent, line) in _lines) text.Append(sent ? "[#Send]" : "[#Recv]").Append(line).Append('\n');
        return text.ToString();
    }

    private string Lines(Func<TimeSpan, string> stamp, string sentPrefix, string receivedPrefix, string suffix = "")
    {
        var text = new StringBuilder();
        foreach (var (at, sent, line) in _lines)
            text.Append(string.Format(CultureInfo.InvariantCulture, stamp(at), (sent ? sentPrefix : receivedPrefix) + line + suffix)).Append("\r\n");
        return text.ToString();
    }

    private static string Stamp(DateOnly day, TimeSpan at, string format) =>
        day.ToDateTime(TimeOnly.MinValue).Add(at).ToString(format, CultureInfo.InvariantCulture);
}
