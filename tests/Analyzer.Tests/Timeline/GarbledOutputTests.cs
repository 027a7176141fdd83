using System.Text;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Tests.Readers;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>
/// A module read at another baud rate, or through a loose wire: its lines are not text, and the analysis says so once,
/// in every format that holds the module's lines; Chinese text in GBK and a binary message are never taken for it.
/// </summary>
public class GarbledOutputTests
{
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    // What the module's lines look like read at a rate other than theirs (written as a terminal shows them).
    private static readonly byte[] At57600ReadAt115200 = [0xE6, 0x80, 0x98, 0x80, 0xFE, 0x98, 0x9E, 0x98, 0xE6, 0x80, 0x98, 0x80];
    private static readonly byte[] At9600ReadAt115200 = [0x00, 0xF8, 0x00, 0x80, 0x00, 0xFE, 0x00, 0x00, 0xE0, 0x00, 0xF0, 0x80, 0xFC, 0x00];
    private static readonly byte[] At115200ReadAt9600 = [0xF8, 0x80, 0xFE, 0x78, 0x1C, 0xE0, 0x00, 0x66, 0x86];
    private static readonly byte[] LooseWire = [0x78, 0x80, 0xF8, 0x00, 0x78, 0x80, 0xF8, 0xE0, 0x78, 0x00, 0x1E, 0x06, 0x98];

    private static List<string> Garbled(byte[] log, LogFormat format) =>
        [.. TempLog.Analyze(log, format).Diagnostics.Where(d => d.Code == "garbled-output").Select(d => $"{d.Line} {d.Severity}: {d.Message}")];

    private static byte[] Bytes(params object[] parts) =>
        [.. parts.SelectMany(part => part is byte[] bytes ? bytes : Encoding.UTF8.GetBytes((string)part))];

    [Test]
    public void A_raw_capture_at_the_wrong_rate_is_said_once_with_the_first_line_and_the_count()
    {
        var log = Bytes("AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n",                  // lines 1-5: right rate
            "AT+MQTTSTAT?\r\n", At57600ReadAt115200, "\r\n",                        // lines 6-7: the module rebooted at 57600
            At9600ReadAt115200, "\r\n", At115200ReadAt9600, "\r\n", LooseWire, "\r\n");

        Assert.That(Garbled(log, LogFormat.Raw), Is.EqualTo(new[]
        {
            "7 Warn: the module's output is not text at 4 lines, the first at line 7 (0xE6 0x80 0x98 0x80 …): a baud rate other than the module's, or noise on the line",
        }));
    }

    [Test]
    public void A_stamped_terminal_log_of_garbage_is_said_too()
    {
        // tio stamps each line it gets, garbage or not.
        var log = Bytes("[10:11:12.100] AT+CSQ\n[10:11:12.160] +CSQ: 20,99\n[10:11:12.170] OK\n",
            "[10:11:20.000] ", At115200ReadAt9600, "\n[10:11:20.040] ", LooseWire, "\n");

        Assert.That(Garbled(log, LogFormat.Tio), Is.EqualTo(new[]
        {
            "4 Warn: the module's output is not text at 2 lines, the first at line 4 (0xF8 0x80 0xFE 0x78 …): a baud rate other than the module's, or noise on the line",
        }));
    }

    [Test]
    public void A_transcript_of_garbage_is_said_too()
    {
        var log = Bytes("TX: AT+MQTTSTAT?\nRX: ", At9600ReadAt115200, "\nRX: ", At57600ReadAt115200, "\n");

        // A transcript is read as text: the bytes shown are those of its text (what GBK does not map is '?').
        Assert.That(Garbled(log, LogFormat.Transcript), Has.Count.EqualTo(1).And.Some.StartsWith("2 Warn: the module's output is not text at 2 lines, the first at line 2 (0x00 "));
    }

    [Test]
    public void One_garbled_line_is_named_alone()
    {
        var log = Bytes("AT\r\n\r\nOK\r\n", LooseWire, "\r\nAT\r\n\r\nOK\r\n");

        Assert.That(Garbled(log, LogFormat.Raw), Is.EqualTo(new[]
        {
            "4 Warn: the module's output is not text at line 4 (0x78 0x80 0xF8 0x00 …): a baud rate other than the module's, or noise on the line",
        }));
    }

    [Test]
    public void Chinese_prose_in_GBK_is_text()
    {
        // A firmware's and an MCU's own prints in GBK, as a Chinese toolchain writes them, between the AT traffic.
        var prose = new[]
        {
            "模块上电，正在初始化串口……",
            "查询信号强度：良好，准备连接中国移动OneNET平台",
            "网络注册成功！设备编号为：8684880765，开始订阅主题",
            "【警告】心跳超时，三十秒后重新连接服务器。",
            "温度传感器读数：二十五点三度，湿度百分之六十",
        };
        var log = Bytes([.. prose.SelectMany(line => new object[] { Gbk.GetBytes(line), "\r\n" }), "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n"]);

        Assert.That(Garbled(log, LogFormat.Raw), Is.Empty);
        Assert.That(Garbled(Bytes([.. prose.Select((line, i) => (object)Bytes($"[10:11:1{i}.000] ", Gbk.GetBytes(line), "\n"))]), LogFormat.Tio), Is.Empty);
    }

    [Test]
    public void Chinese_prose_in_UTF8_and_a_latin1_degree_sign_are_text()
    {
        var log = Bytes("模块重启完成，固件版本 V1.0\r\n", "Temp: 25", new byte[] { 0xB0 }, "C ok\r\n", "AT\r\n\r\nOK\r\n");

        Assert.That(Garbled(log, LogFormat.Raw), Is.Empty);
    }

    [Test]
    public void Power_up_noise_is_noise_not_garbled_output()
    {
        // The few bytes a UART delivers as the module powers up, alone or glued to its first line.
        var log = Bytes(new byte[] { 0xFF, 0xFF, 0x00 }, "\r\n", new byte[] { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, "\r\n",
            new byte[] { 0xFF, 0xFE, 0xFF }, "RDY\r\nAT\r\n\r\nOK\r\n");
        var analysis = TempLog.Analyze(log, LogFormat.Raw);

        Assert.That(analysis.Diagnostics.Select(d => d.Code), Does.Contain("noise").And.No.Contain("garbled-output"));
    }

    [Test]
    public void A_binary_message_of_a_publish_is_no_garbage()
    {
        // OneNET's $dp of type 2 carries binary data: the message is bytes, not a line.
        var message = new byte[] { 0x02, 0x00, 0x03, 0x62, 0x69, 0x6E, 0x00, 0x00, 0x00, 0x06, 0x00, 0xFF, 0x80, 0xF8, 0x1C, 0xFE };
        var log = Bytes("AT+MQTTSUB=\"$creq/#\",1\r\n\r\nOK\r\n\r\n+MQTTSUBACK: 1,1,\"$creq/#\"\r\n",
            $"+MQTTPUBLISH: 0,0,0,0,\"$creq/1\",{message.Length},", message, "\r\n");

        Assert.That(Garbled(log, LogFormat.Raw), Is.Empty);
    }
}
