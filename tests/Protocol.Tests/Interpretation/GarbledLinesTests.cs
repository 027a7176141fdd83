using System.Text;
using Conformance.Protocol.Events;

namespace Conformance.Protocol.Tests.Interpretation;

/// <summary>
/// Which lines of module output are not text: bursts of a module at another baud rate are; Chinese in GBK, power-up
/// noise and a line with a stray byte are not.
/// </summary>
public class GarbledLinesTests
{
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    /// <summary>The lines of <paramref name="output"/> judged garbled, by the line of the log each began on (one line a CR LF).</summary>
    private static List<int> Garbled(byte[] output)
    {
        var reader = new AtEventReader(new() { CommandsKnown = true }) { LendsEvents = true };
        var lines = new GarbledLines<int>();
        var found = new List<int>();
        ReadOnlySpan<byte> input = output;
        while (reader.TryRead(ref input, out var e, isFinalBlock: true))
        {
            var line = 1 + output.AsSpan(0, (int)e.Offset).Count("\r\n"u8);
            var count = lines.Read(e, line, out var first);
            if (count > 0) found.Add(first.At);
            if (count == 2) found.Add(line);
        }
        if (lines.Complete(out var last)) found.Add(last.At);
        return found;
    }

    private static byte[] Lines(params byte[][] lines) => [.. lines.SelectMany(line => (byte[])[.. line, .. "\r\n"u8])];

    [Test]
    public void Bursts_at_another_baud_rate_are_garbled_each_on_its_line()
    {
        var output = Lines(
            "OK"u8.ToArray(),
            [0xE6, 0x80, 0x98, 0x80, 0xFE, 0x98, 0x9E, 0x98, 0xE6, 0x80, 0x98, 0x80],    // 57600 read at 115200
            [0x00, 0xF8, 0x00, 0x80, 0x00, 0xFE, 0x00, 0x00, 0xF0, 0x80, 0xFC, 0x00],    // 9600 read at 115200: noise bytes alone
            "+CSQ: 20,99"u8.ToArray(),
            [0xF8, 0x80, 0xFE, 0x78, 0x1C, 0xE0, 0x00, 0x66, 0x86]);                     // 115200 read at 9600, ending the output

        Assert.That(Garbled(output), Is.EqualTo(new[] { 2, 3, 5 }));
    }

    [Test]
    public void Chinese_in_GBK_and_UTF8_is_text()
    {
        var output = Lines(
            Gbk.GetBytes("设备已连接到中国移动物联网平台，信号强度：良好"),
            Gbk.GetBytes("【提示】请检查SIM卡是否插好，然后重新上电（约三十秒）"),
            Encoding.UTF8.GetBytes("订阅主题成功：$creq/#"),
            [0xFF, 0xFF, .. "OK"u8],                       // power-up noise glued to a line
            [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],   // a line held low at power-up
            "+CSQ: 20,99\x07"u8.ToArray());                // one stray control byte

        Assert.That(Garbled(output), Is.Empty);
    }

    [Test]
    public void GB2312_pairs_count_nothing_and_others_one_byte_each()
    {
        Assert.That(GarbledBytes.In(Gbk.GetBytes("模组重启，请稍候")), Is.Zero);
        Assert.That(GarbledBytes.In((byte[])[0xE6, 0x80, 0x98, 0x80]), Is.EqualTo(2), "two pairs outside GB2312");
        Assert.That(GarbledBytes.In((byte[])[0x80, 0xFF, 0x41, 0x00]), Is.EqualTo(3), "0x80, 0xFF and NUL start no character");
        Assert.That(GarbledBytes.In("OK\u0000"), Is.EqualTo(1));
    }

    [Test]
    public void The_report_names_the_count_the_first_and_its_first_bytes()
    {
        Assert.That(GarbledLines<int>.Describe(12, "line 3", (byte[])[0xF8, 0x80, 0xFE, 0x78, 0x1C]),
            Is.EqualTo("the module's output is not text at 12 lines, the first at line 3 (0xF8 0x80 0xFE 0x78 …): a baud rate other than the module's, or noise on the line"));
        Assert.That(GarbledLines<int>.Describe(1, "trace line 9", (byte[])[0x80, 0x00]),
            Is.EqualTo("the module's output is not text at trace line 9 (0x80 0x00): a baud rate other than the module's, or noise on the line"));
    }
}
