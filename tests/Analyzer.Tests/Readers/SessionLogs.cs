using System.Text;
using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// One short session (configure, open, subscribe, publish with an incoming message holding CR LF, an error)
/// as each log format records it, and the traffic every one of them must give back.
/// </summary>
internal static class SessionLogs
{
    private const LogDirection Host = LogDirection.ToModule;
    private const LogDirection Module = LogDirection.FromModule;

    public static readonly (LogDirection, string)[] Expected =
    [
        (Host, "AT"),
        (Module, "OK"),
        (Host, "AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"key\",1"),
        (Module, "OK"),
        (Host, "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\""),
        (Module, "OK"),
        (Module, "+MQTTOPEN: OK"),
        (Host, "AT+MQTTSUB=\"dev/gsm/u\",1"),
        (Module, "OK"),
        (Module, "+MQTTSUBACK: 1,1,\"dev/gsm/u\""),
        (Host, "AT+MQTTPUB=\"dev/gsm/u\",1,0,0,5,hello"),
        (Module, "OK"),
        (Module, "+MQTTPUBACK: 2,0"),
        (Module, "+MQTTPUBLISH: 0,0,0,0,\"dev/gsm/u\",7,hi"),
        (Module, "you"),
        (Host, "AT+MQTTUNSUB=\"none\""),
        (Module, "+CME ERROR: 772"),
    ];

    /// <summary>Each format's log of the session, as the file's bytes.</summary>
    public static IEnumerable<TestCaseData> All()
    {
        yield return Case(LogFormat.Manual, Lf(Manual));
        yield return Case(LogFormat.Sscom, CrLf(Sscom));
        yield return Case(LogFormat.SscomHex, CrLf(SscomHex()));
        yield return Case(LogFormat.HexDump, CrLf(HexDump()));
        yield return Case(LogFormat.Timestamped, Lf(Timestamped));
        yield return Case(LogFormat.Tio, Lf(Tio));
        yield return Case(LogFormat.Journal, CrLf(Journal));
        yield return Case(LogFormat.Putty, Encoding.UTF8.GetBytes(PuttyHeader + "\r\n" + Wire));
        yield return Case(LogFormat.VsCodeSerial, CrLf(VsCodeSerial));
        yield return Case(LogFormat.Docklight, CrLf(Docklight));
        yield return Case(LogFormat.ModemManager, Lf(ModemManager));
        yield return Case(LogFormat.Logcat, Lf(Logcat));
        yield return Case(LogFormat.Socat, Lf(Socat));
        yield return Case(LogFormat.PySerial, Lf(PySerial));
        yield return Case(LogFormat.PythonBytes, Lf(PythonBytes));
        yield return Case(LogFormat.ControlNames, Lf(Wire.Replace("\r", "<CR>").Replace("\n", "<LF>\n")));
        yield return Case(LogFormat.Raw, Encoding.UTF8.GetBytes(Wire));
        yield return Case(LogFormat.Trace, Lf(Trace));
    }

    private static TestCaseData Case(LogFormat format, byte[] bytes) =>
        new TestCaseData(format, bytes).SetArgDisplayNames(LogFormatNames.NameOf(format));

    private static byte[] Lf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));

    private static byte[] CrLf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    /// <summary>The session on the wire, host and module bytes in order, without echo (ATE0).</summary>
    public const string Wire =
        "AT\r\n\r\nOK\r\n" +
        "AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"key\",1\r\n\r\nOK\r\n" +
        "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n\r\nOK\r\n\r\n+MQTTOPEN: OK\r\n" +
        "AT+MQTTSUB=\"dev/gsm/u\",1\r\n\r\nOK\r\n\r\n+MQTTSUBACK: 1,1,\"dev/gsm/u\"\r\n" +
        "AT+MQTTPUB=\"dev/gsm/u\",1,0,0,5,hello\r\n\r\nOK\r\n\r\n+MQTTPUBACK: 2,0\r\n\r\n+MQTTPUBLISH: 0,0,0,0,\"dev/gsm/u\",7,hi\r\nyou\r\n" +
        "AT+MQTTUNSUB=\"none\"\r\n\r\n+CME ERROR: 772\r\n";

    /// <summary>The session on the wire as <c>hexdump -C</c> shows it: an offset, 16 bytes, their characters.</summary>
    private static string HexDump()
    {
        var bytes = Encoding.UTF8.GetBytes(Wire);
        return string.Join("\n", bytes.Chunk(16).Select((row, i) =>
            $"{i * 16:x8}  {string.Join(" ", row.Select(b => b.ToString("x2"))),-47}  |{new string([.. row.Select(b => b is >= 32 and < 127 ? (char)b : '.')])}|"));
    }

    public const string PuttyHeader = "=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2024.01.02 10:00:00 =~=~=~=~=~=~=~=~=~=~=~=";

    private const string Manual = """
        [#Send]AT
        [#Recv]OK
        [#Send] AT+MQTTCFG="183.230.40.39",6002,"4069959",60,"75829","key",1
        [#**Recv**]OK
        [#Send]AT+MQTTOPEN=1,1,0,0,0,"",""
        [#Recv]OK

        [#Recv]+MQTTOPEN: OK
        [#Send]AT+MQTTSUB="dev/gsm/u",1
        [#Recv]OK
        [#Recv] +MQTTSUBACK: 1,1,"dev/gsm/u"
        [#Send]AT+MQTTPUB="dev/gsm/u",1,0,0,5,hello
        [#Recv]OK
        [#Recv]+MQTTPUBACK: 2,0
        [#Recv]+MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi
        you
        [#Send]AT+MQTTUNSUB="none"
        [#Recv]+CME ERROR: 772
        """;

    public const string Sscom = """
        [10:00:00.000]发→◇AT
        □
        [10:00:00.030]收←◆
        OK
        [10:00:01.000]发→◇AT+MQTTCFG="183.230.40.39",6002,"4069959",60,"75829","key",1
        □
        [10:00:01.030]收←◆
        OK
        [10:00:02.000]发→◇AT+MQTTOPEN=1,1,0,0,0,"",""
        □
        [10:00:02.030]收←◆
        OK
        [10:00:03.500]收←◆
        +MQTTOPEN: OK
        [10:00:04.000]发→◇AT+MQTTSUB="dev/gsm/u",1
        □
        [10:00:04.030]收←◆
        OK

        +MQTTSUBACK: 1,1,"dev/gsm/u"
        [10:00:05.000]发→◇AT+MQTTPUB="dev/gsm/u",1,0,0,5,hello
        □
        [10:00:05.030]收←◆
        OK
        [10:00:05.300]收←◆
        +MQTTPUBACK: 2,0
        [10:00:06.000]收←◆
        +MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi
        you
        [10:00:07.000]发→◇AT+MQTTUNSUB="none"
        □
        [10:00:07.030]收←◆
        +CME ERROR: 772
        """;

    /// <summary>Hex mode: one stamp per packet, half a second apart, the packet's bytes in hex.</summary>
    private static string SscomHex()
    {
        string[] packets =
        [
            "发→◇AT\r\n", "收←◆\r\nOK\r\n",
            "发→◇AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"key\",1\r\n", "收←◆\r\nOK\r\n",
            "发→◇AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n", "收←◆\r\nOK\r\n", "收←◆\r\n+MQTTOPEN: OK\r\n",
            "发→◇AT+MQTTSUB=\"dev/gsm/u\",1\r\n", "收←◆\r\nOK\r\n\r\n+MQTTSUBACK: 1,1,\"dev/gsm/u\"\r\n",
            "发→◇AT+MQTTPUB=\"dev/gsm/u\",1,0,0,5,hello\r\n", "收←◆\r\nOK\r\n", "收←◆\r\n+MQTTPUBACK: 2,0\r\n",
            "收←◆\r\n+MQTTPUBLISH: 0,0,0,0,\"dev/gsm/u\",7,hi\r\nyou\r\n",
            "发→◇AT+MQTTUNSUB=\"none\"\r\n", "收←◆\r\n+CME ERROR: 772\r\n",
        ];
        return string.Join("\n", packets.Select((packet, i) =>
            $"[{new TimeSpan(10, 0, 0) + TimeSpan.FromMilliseconds(i * 500):hh\\:mm\\:ss\\.fff}]{packet[..3]}{Convert.ToHexString(Encoding.ASCII.GetBytes(packet[3..])).Chunk(2).Select(pair => new string(pair)).Aggregate((a, b) => a + " " + b)} "));
    }

    // VS Code's Serial Monitor with its timestamps on: each command in the monitor's banner, C-escaped, the module's lines as they came.
    private const string VsCodeSerial = """
        ---- Opened the serial port /dev/ttyUSB0 ----
        [2024-01-02 10:00:00.000] ---- Sent utf8 encoded message: "AT\r\n" ----
        [2024-01-02 10:00:00.030] 
        [2024-01-02 10:00:00.030] OK
        [2024-01-02 10:00:01.000] ---- Sent utf8 encoded message: "AT+MQTTCFG=\"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"key\",1\r\n" ----
        [2024-01-02 10:00:01.030] OK
        [2024-01-02 10:00:02.000] ---- Sent utf8 encoded message: "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n" ----
        [2024-01-02 10:00:02.030] OK
        [2024-01-02 10:00:03.500] +MQTTOPEN: OK
        [2024-01-02 10:00:04.000] ---- Sent utf8 encoded message: "AT+MQTTSUB=\"dev/gsm/u\",1\r\n" ----
        [2024-01-02 10:00:04.030] OK
        [2024-01-02 10:00:04.031] +MQTTSUBACK: 1,1,"dev/gsm/u"
        [2024-01-02 10:00:05.000] ---- Sent hex encoded message: "41542B4D5154545055423D226465762F67736D2F75222C312C302C302C352C68656C6C6F0D0A" ----
        [2024-01-02 10:00:05.030] OK
        [2024-01-02 10:00:05.300] +MQTTPUBACK: 2,0
        [2024-01-02 10:00:06.000] +MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi
        [2024-01-02 10:00:06.000] you
        [2024-01-02 10:00:07.000] ---- Sent utf8 encoded message: "AT+MQTTUNSUB=\"none\"" ----
        [2024-01-02 10:00:07.030] +CME ERROR: 772
        ---- Closed the serial port /dev/ttyUSB0 ----
        """;

    private const string Timestamped = """
        [2024-01-02 10:00:00.000] AT
        [2024-01-02 10:00:00.030] OK
        [2024-01-02 10:00:01.000] AT+MQTTCFG="183.230.40.39",6002,"4069959",60,"75829","key",1
        [2024-01-02 10:00:01.030] OK
        [2024-01-02 10:00:02.000] AT+MQTTOPEN=1,1,0,0,0,"",""
        [2024-01-02 10:00:02.030] OK
        [2024-01-02 10:00:03.500] +MQTTOPEN: OK
        [2024-01-02 10:00:04.000] AT+MQTTSUB="dev/gsm/u",1
        [2024-01-02 10:00:04.030] OK
        [2024-01-02 10:00:04.030] 
        [2024-01-02 10:00:04.031] +MQTTSUBACK: 1,1,"dev/gsm/u"
        [2024-01-02 10:00:05.000] AT+MQTTPUB="dev/gsm/u",1,0,0,5,hello
        [2024-01-02 10:00:05.030] OK
        [2024-01-02 10:00:05.300] +MQTTPUBACK: 2,0
        [2024-01-02 10:00:06.000] +MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi
        [2024-01-02 10:00:06.000] you
        [2024-01-02 10:00:07.000] AT+MQTTUNSUB="none"
        [2024-01-02 10:00:07.030] +CME ERROR: 772
        """;

    private const string Tio = """
        [10:00:00.000] AT
        [10:00:00.030] OK
        [10:00:01.000] AT+MQTTCFG="183.230.40.39",6002,"4069959",60,"75829","key",1
        [10:00:01.030] OK
        [10:00:02.000] AT+MQTTOPEN=1,1,0,0,0,"",""
        [10:00:02.030] OK
        [10:00:03.500] +MQTTOPEN: OK
        [10:00:04.000] AT+MQTTSUB="dev/gsm/u",1
        [10:00:04.030] OK
        [10:00:04.031] +MQTTSUBACK: 1,1,"dev/gsm/u"
        [10:00:05.000] AT+MQTTPUB="dev/gsm/u",1,0,0,5,hello
        [10:00:05.030] OK
        [10:00:05.300] +MQTTPUBACK: 2,0
        [10:00:06.000] +MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi
        [10:00:06.000] you
        [10:00:07.000] AT+MQTTUNSUB="none"
        [10:00:07.030] +CME ERROR: 772
        """;

    private const string Journal = """
        Jan 02 10:00:00.000100 gw systemd[1]: Started M5310-A bridge.
        Jan 02 10:00:00.000200 gw bridge[811]: AT
        Jan 02 10:00:00.030000 gw bridge[811]: OK
        Jan 02 10:00:01.000000 gw bridge[811]: AT+MQTTCFG="183.230.40.39",6002,"4069959",60,"75829","key",1
        Jan 02 10:00:01.030000 gw bridge[811]: OK
        Jan 02 10:00:01.200000 gw kernel: usb 1-1: reset full-speed USB device number 3 using xhci_hcd
        Jan 02 10:00:02.000000 gw bridge[811]: AT+MQTTOPEN=1,1,0,0,0,"",""
        Jan 02 10:00:02.030000 gw bridge[811]: OK
        Jan 02 10:00:03.500000 gw bridge[811]: +MQTTOPEN: OK
        Jan 02 10:00:04.000000 gw bridge[811]: AT+MQTTSUB="dev/gsm/u",1
        Jan 02 10:00:04.030000 gw bridge[811]: OK
        Jan 02 10:00:04.031000 gw bridge[811]: +MQTTSUBACK: 1,1,"dev/gsm/u"
        Jan 02 10:00:05.000000 gw bridge[811]: AT+MQTTPUB="dev/gsm/u",1,0,0,5,hello
        Jan 02 10:00:05.030000 gw bridge[811]: OK
        Jan 02 10:00:05.300000 gw bridge[811]: +MQTTPUBACK: 2,0
        Jan 02 10:00:06.000000 gw bridge[811]: +MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi
        Jan 02 10:00:06.000000 gw bridge[811]: you
        Jan 02 10:00:06.500000 gw systemd-timesyncd[402]: Initial synchronization to time server 10.0.0.1:123 (ntp.example).
        Jan 02 10:00:07.000000 gw bridge[811]: AT+MQTTUNSUB="none"
        Jan 02 10:00:07.030000 gw bridge[811]: +CME ERROR: 772
        """;

    private const string Logcat = """
        --------- beginning of radio
        01-02 10:00:00.000  1234  1250 D AT      : AT> AT
        01-02 10:00:00.030  1234  1251 D AT      : AT< OK
        01-02 10:00:01.000  1234  1250 D AT      : AT> AT+MQTTCFG="183.230.40.39",6002,"4069959",60,"75829","key",1
        01-02 10:00:01.030  1234  1251 D AT      : AT< OK
        01-02 10:00:01.500  1234  1240 D RILJ    : [0042]> SETUP_DATA_CALL [SUB0]
        01-02 10:00:02.000  1234  1250 D AT      : AT> AT+MQTTOPEN=1,1,0,0,0,"",""
        01-02 10:00:02.030  1234  1251 D AT      : AT< OK
        01-02 10:00:03.500  1234  1251 D AT      : AT< +MQTTOPEN: OK
        01-02 10:00:04.000  1234  1250 D AT      : AT> AT+MQTTSUB="dev/gsm/u",1
        01-02 10:00:04.030  1234  1251 D AT      : AT< OK
        01-02 10:00:04.031  1234  1251 D AT      : AT< +MQTTSUBACK: 1,1,"dev/gsm/u"
        01-02 10:00:05.000  1234  1250 D AT      : AT> AT+MQTTPUB="dev/gsm/u",1,0,0,5,hello
        01-02 10:00:05.030  1234  1251 D AT      : AT< OK
        01-02 10:00:05.300  1234  1251 D AT      : AT< +MQTTPUBACK: 2,0
        01-02 10:00:06.000  1234  1251 D AT      : AT< +MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi
        01-02 10:00:06.000  1234  1251 D AT      : AT< you
        01-02 10:00:07.000  1234  1250 D AT      : AT> AT+MQTTUNSUB="none"
        01-02 10:00:07.030  1234  1251 D AT      : AT< +CME ERROR: 772
        """;

    private const string Socat = """
        > 2024/01/02 10:00:00.000000  length=3 from=0 to=2
        AT\r
        < 2024/01/02 10:00:00.030000  length=6 from=0 to=5
        \r
        OK\r
        > 2024/01/02 10:00:01.000000  length=61 from=3 to=63
        AT+MQTTCFG="183.230.40.39",6002,"4069959",60,"75829","key",1\r
        < 2024/01/02 10:00:01.030000  length=6 from=6 to=11
        \r
        OK\r
        > 2024/01/02 10:00:02.000000  length=28 from=69 to=96
        AT+MQTTOPEN=1,1,0,0,0,"",""\r
        < 2024/01/02 10:00:02.030000  length=6 from=12 to=17
        \r
        OK\r
        < 2024/01/02 10:00:03.500000  length=17 from=18 to=34
        \r
        +MQTTOPEN: OK\r
        > 2024/01/02 10:00:04.000000  length=26 from=97 to=122
        AT+MQTTSUB="dev/gsm/u",1\r
        < 2024/01/02 10:00:04.030000  length=38 from=35 to=72
        \r
        OK\r
        \r
        +MQTTSUBACK: 1,1,"dev/gsm/u"\r
        > 2024/01/02 10:00:05.000000  length=38 from=123 to=160
        AT+MQTTPUB="dev/gsm/u",1,0,0,5,hello\r
        < 2024/01/02 10:00:05.030000  length=6 from=70 to=75
        \r
        OK\r
        < 2024/01/02 10:00:05.300000  length=20 from=76 to=95
        \r
        +MQTTPUBACK: 2,0\r
        < 2024/01/02 10:00:06.000000  length=47 from=96 to=142
        \r
        +MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi\r
        you\r
        > 2024/01/02 10:00:07.000000  length=21 from=161 to=181
        AT+MQTTUNSUB="none"\r
        < 2024/01/02 10:00:07.030000  length=19 from=142 to=160
        \r
        +CME ERROR: 772\r
        """;

    private const string Docklight = """
        1/2/2024 10:00:00.000 [TX] - AT<CR><LF>
        1/2/2024 10:00:00.030 [RX] - <CR><LF>OK<CR><LF>
        1/2/2024 10:00:01.000 [TX] - AT+MQTTCFG="183.230.40.39",6002,"4069959",60,"75829","key",1<CR><LF>
        1/2/2024 10:00:01.030 [RX] - <CR><LF>OK<CR><LF>
        1/2/2024 10:00:02.000 [TX] - AT+MQTTOPEN=1,1,0,0,0,"",""<CR><LF>
        1/2/2024 10:00:02.030 [RX] - <CR><LF>OK<CR><LF>
        1/2/2024 10:00:03.500 [RX] - <CR><LF>+MQTTOPEN: OK<CR><LF>
        1/2/2024 10:00:04.000 [TX] - AT+MQTTSUB="dev/gsm/u",1<CR><LF>
        1/2/2024 10:00:04.030 [RX] - <CR><LF>OK<CR><LF><CR><LF>+MQTTSUBACK: 1,1,"dev/gsm/u"<CR><LF>
        1/2/2024 10:00:05.000 [TX] - AT+MQTTPUB="dev/gsm/u",1,0,0,5,hello<CR><LF>
        1/2/2024 10:00:05.030 [RX] - <CR><LF>OK<CR><LF>
        1/2/2024 10:00:05.300 [RX] - +MQTTPUBACK: 2,0
        1/2/2024 10:00:06.000 [RX] - <CR><LF>+MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi<CR><LF>you<CR><LF>
        1/2/2024 10:00:07.000 [TX] - AT+MQTTUNSUB="none"<CR><LF>
        1/2/2024 10:00:07.030 [RX] - <CR><LF>+CME ERROR: 772<CR><LF>
        """;

    private const string ModemManager = """
        Jan 02 10:00:00 host ModemManager[812]: <info>  [1704189600.000000] [modem0] state changed (enabling -> enabled)
        Jan 02 10:00:00 host ModemManager[812]: <debug> [1704189600.000000] [modem0/ttyUSB1/at] --> 'AT<CR>'
        Jan 02 10:00:00 host ModemManager[812]: <debug> [1704189600.030000] [modem0/ttyUSB1/at] <-- '<CR><LF>OK<CR><LF>'
        Jan 02 10:00:01 host ModemManager[812]: <debug> [1704189601.000000] [modem0/ttyUSB1/at] --> 'AT+MQTTCFG="183.230.40.39",6002,"4069959",60,"75829","key",1<CR>'
        Jan 02 10:00:01 host ModemManager[812]: <debug> [1704189601.030000] [modem0/ttyUSB1/at] <-- '<CR><LF>OK<CR><LF>'
        Jan 02 10:00:02 host ModemManager[812]: <debug> [1704189602.000000] [modem0/ttyUSB1/at] --> 'AT+MQTTOPEN=1,1,0,0,0,"",""<CR>'
        Jan 02 10:00:02 host ModemManager[812]: <debug> [1704189602.030000] [modem0/ttyUSB1/at] <-- '<CR><LF>OK<CR><LF>'
        Jan 02 10:00:03 host ModemManager[812]: <debug> [1704189603.500000] [modem0/ttyUSB1/at] <-- '<CR><LF>+MQTTOPEN: OK<CR><LF>'
        Jan 02 10:00:04 host ModemManager[812]: <debug> [1704189604.000000] [modem0/ttyUSB1/at] --> 'AT+MQTTSUB="dev/gsm/u",1<CR>'
        Jan 02 10:00:04 host ModemManager[812]: <debug> [1704189604.030000] [modem0/ttyUSB1/at] <-- '<CR><LF>OK<CR><LF><CR><LF>+MQTTSUBACK: 1,1,"dev/gsm/u"<CR><LF>'
        Jan 02 10:00:05 host ModemManager[812]: <debug> [1704189605.000000] [modem0/ttyUSB1/at] --> 'AT+MQTTPUB="dev/gsm/u",1,0,0,5,hello<CR>'
        Jan 02 10:00:05 host ModemManager[812]: <debug> [1704189605.030000] [modem0/ttyUSB1/at] <-- '<CR><LF>OK<CR><LF>'
        Jan 02 10:00:05 host ModemManager[812]: <debug> [1704189605.300000] [modem0/ttyUSB1/at] <-- '<CR><LF>+MQTTPUBACK: 2,0<CR><LF>'
        Jan 02 10:00:06 host ModemManager[812]: <debug> [1704189606.000000] [modem0/ttyUSB1/at] <-- '<CR><LF>+MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi<CR><LF>you<CR><LF>'
        Jan 02 10:00:07 host ModemManager[812]: <debug> [1704189607.000000] [modem0/ttyUSB1/at] --> 'AT+MQTTUNSUB="none"<CR>'
        Jan 02 10:00:07 host ModemManager[812]: <debug> [1704189607.030000] [modem0/ttyUSB1/at] <-- '<CR><LF>+CME ERROR: 772<CR><LF>'
        """;

    private const string PySerial = """
        #[10:00:00] AT..
        #[10:00:00] ..OK..
        #[10:00:01] AT+MQTTCFG="183.230.40.39",6002,"4069959",60,"75829","key",1..
        #[10:00:01] ..OK..
        #[10:00:02] AT+MQTTOPEN=1,1,0,0,0,"",""..
        #[10:00:02] ..OK....+MQTTOPEN: OK..
        #[10:00:04] AT+MQTTSUB="dev/gsm/u",1..
        #[10:00:04] ..OK....+MQTTSUBACK: 1,1,"dev/gsm/u"..
        #[10:00:05] AT+MQTTPUB="dev/gsm/u",1,0,0,5,hello..
        #[10:00:05] ..OK..
        #[10:00:05] ..+MQTTPUBACK: 2,0..
        #[10:00:06] ..+MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi..you..
        #[10:00:07] AT+MQTTUNSUB="none"..
        #[10:00:07] ..+CME ERROR: 772..
        """;

    private const string PythonBytes = """
        b'AT\r\n'
        b'\r\nOK\r\n'
        b'AT+MQTTCFG="183.230.40.39",6002,"4069959",60,"75829","key",1\r\n'
        b'\r\nOK\r\n'
        b'AT+MQTTOPEN=1,1,0,0,0,"",""\r\n\r\nOK\r\n'
        b'\r\n+MQTTOPEN: OK\r\n'
        b'AT+MQTTSUB="dev/gsm/u",1\r\n'
        b'\r\nOK\r\n\r\n+MQTTSUBACK: 1,1,"dev/gsm/u"\r\n'
        b'AT+MQTTPUB="dev/gsm/u",1,0,0,5,hello\r\n'
        b'\r\nOK\r\n'
        b'\r\n+MQTTPUBACK: 2,0\r\n'
        b'\r\n+MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi\r\nyou\r\n'
        b'AT+MQTTUNSUB="none"\r\n'
        b'\r\n+CME ERROR: 772\r\n'
        """;

    private const string Trace = """
        # conformance-trace 1
        # target: serial:/dev/ttyUSB0,9600
        # started: 2024-01-02T10:00:00.000000Z
        2024-01-02T10:00:00.000000Z * scenario session
        2024-01-02T10:00:00.000000Z > AT\r\n
        2024-01-02T10:00:00.030000Z < \r\nOK\r\n
        2024-01-02T10:00:01.000000Z > AT+MQTTCFG="183.230.40.39",6002,"4069959",60,"75829","key",1\r\n
        2024-01-02T10:00:01.030000Z < \r\nOK\r\n
        2024-01-02T10:00:02.000000Z > AT+MQTTOPEN=1,1,0,0,0,"",""\r\n
        2024-01-02T10:00:02.030000Z < \r\nOK\r\n
        2024-01-02T10:00:03.500000Z < \r\n+MQTTOPEN: OK\r\n
        2024-01-02T10:00:04.000000Z > AT+MQTTSUB="dev/gsm/u",1\r\n
        2024-01-02T10:00:04.030000Z < \r\nOK\r\n
        2024-01-02T10:00:04.030000Z < \r\n+MQTTSUBACK: 1,1,"dev/gsm/u"\r\n
        2024-01-02T10:00:05.000000Z > AT+MQTTPUB="dev/gsm/u",1,0,0,5,hello\r\n
        2024-01-02T10:00:05.030000Z < \r\nOK\r\n
        2024-01-02T10:00:05.300000Z < \r\n+MQTTPUBACK: 2,0\r\n
        2024-01-02T10:00:06.000000Z < \r\n+MQTTPUBLISH: 0,0,0,0,"dev/gsm/u",7,hi\r\n
        2024-01-02T10:00:06.000000Z < you\r\n
        2024-01-02T10:00:07.000000Z > AT+MQTTUNSUB="none"\r\n
        2024-01-02T10:00:07.030000Z < \r\n+CME ERROR: 772\r\n
        """;
}
