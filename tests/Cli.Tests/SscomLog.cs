using System.Globalization;
using System.Text;

namespace Conformance.Cli.Tests;

/// <summary>Writes SSCOM text-mode logs for the command tests: stamped sends and answers at chosen latencies.</summary>
internal sealed class SscomLog
{
    private readonly StringBuilder _text = new();
    private TimeSpan _clock = TimeSpan.FromHours(9);

    public static string CustomerLog => Path.Combine(AppContext.BaseDirectory, "traces", "customer-sscom.log");

    public SscomLog Exchange(string command, string answer, int latencyMs)
    {
        _text.Append($"[{Stamp()}]发→◇{command}\r\n□\r\n");
        _clock += TimeSpan.FromMilliseconds(latencyMs);
        _text.Append($"[{Stamp()}]收←◆{answer}");
        _clock += TimeSpan.FromSeconds(1);
        return this;
    }

    /// <summary>A clean session: open, <paramref name="publishes"/> QoS 0 publishes at about <paramref name="latencyMs"/>, close.</summary>
    public static SscomLog Publishing(int latencyMs, int publishes = 20)
    {
        var log = new SscomLog()
            .Exchange("AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",120,\"75829\",\"IIOu0oFUgnTK1uzAcnM=\",1", "\r\nOK\r\n", 15)
            .Exchange("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n", 20);
        for (var i = 0; i < publishes; i++) log.Exchange("AT+MQTTPUB=\"dev/gsm/u\",0,0,0,0,\"hello\"", "\r\nOK\r\n", latencyMs + i % 5);
        return log.Exchange("AT+MQTTDISC", "\r\nOK\r\n\r\n+MQTTDISC: OK\r\n", 20);
    }

    public string WriteTo(string path)
    {
        File.WriteAllText(path, _text.ToString(), new UTF8Encoding(false));
        return path;
    }

    private string Stamp() => _clock.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}
