using System.Text;
using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

public class SscomTests
{
    private static readonly DateTimeOffset BaseDay = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_line_split_across_two_received_stamps_is_joined()
    {
        var (_, records) = TempLog.Read("[10:00:00.000]收←◆\r\n+MQTTOP\r\n[10:00:00.004]收←◆EN: OK\r\n", LogFormat.Sscom);

        Assert.That(string.Concat(records.Select(r => r.Text)), Is.EqualTo("\r\n+MQTTOPEN: OK\r\n"));
        Assert.That(records[^1].Time, Is.EqualTo(BaseDay + new TimeSpan(0, 10, 0, 0, 4)));
    }

    [Test]
    public void A_packet_that_opens_a_line_of_its_own_keeps_the_line_end_before_it()
    {
        // A note typed into the log, then a URC whose packet starts without CR LF: two lines, not one.
        var (_, records) = TempLog.Read("[10:00:00.000]收←◆\r\n+MQTTOPEN: OK\r\nconnected, sending data now\r\n[10:00:02.000]收←◆+MQTTPUBLISH: 0,0,0,0,\"t\",2,hi\r\n", LogFormat.Sscom);

        Assert.That(string.Concat(records.Select(r => r.Text)), Does.Contain("sending data now\r\n+MQTTPUBLISH"));
    }

    [Test]
    public void One_stamp_covers_every_line_up_to_the_next_stamp()
    {
        var (_, records) = TempLog.Read("[10:00:04.030]收←◆\r\nOK\r\n\r\n+MQTTSUBACK: 1,1,\"dev/gsm/u\"\r\n[10:00:05.000]发→◇AT\r\n□\r\n", LogFormat.Sscom);

        var received = records.Where(r => r.Direction == LogDirection.FromModule).ToList();
        Assert.That(received.Select(r => r.Line), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
        Assert.That(received.Select(r => r.Time).Distinct(), Is.EqualTo(new[] { BaseDay + new TimeSpan(0, 10, 0, 4, 30) }));
        Assert.That(string.Concat(received.Select(r => r.Text)), Is.EqualTo("\r\nOK\r\n\r\n+MQTTSUBACK: 1,1,\"dev/gsm/u\"\r\n"));
        Assert.That(records[^1], Has.Property("Line").EqualTo(5).And.Property("Text").EqualTo("AT\r\n"));
    }

    [Test]
    public void A_stamp_with_the_date_before_the_time_is_read_with_its_direction()
    {
        const string Log = "[2025-03-02 09:12:02.004]发→◇AT+CGATT?\r\n□\r\n[2025-03-02 09:12:02.050]收←◆AT+CGATT?\r\n+CGATT: 1\r\n\r\nOK\r\n";

        var (source, records) = TempLog.Read(Log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Sscom));
        Assert.That(records[0], Has.Property("Direction").EqualTo(LogDirection.ToModule).And.Property("Text").EqualTo("AT+CGATT?\r\n"));
        Assert.That(records.Skip(1).Select(r => r.Direction), Has.All.EqualTo(LogDirection.FromModule));
        Assert.That(records[1].Time!.Value.TimeOfDay, Is.EqualTo(new TimeSpan(0, 9, 12, 2, 50)));
    }

    [Test]
    public void Stamps_that_cross_midnight_move_to_the_next_day()
    {
        var (_, records) = TempLog.Read("[23:59:59.900]发→◇AT\r\n□\r\n[00:00:00.100]收←◆\r\nOK\r\n", LogFormat.Sscom);

        Assert.That(records[0].Time, Is.EqualTo(BaseDay + new TimeSpan(0, 23, 59, 59, 900)));
        Assert.That(records[1].Time, Is.EqualTo(BaseDay.AddDays(1) + TimeSpan.FromMilliseconds(100)));
        Assert.That(records[1].SinceStart, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
    }

    [Test]
    public void Gbk_and_utf8_lines_mixed_in_one_file_are_both_read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var message = gbk.GetBytes("温度");
        byte[] log =
        [
            .. gbk.GetBytes("[10:00:00.000]发→◇AT\r\n□\r\n[10:00:00.020]收←◆\r\n+MQTTPUBLISH: 0,0,0,0,t,4,"), .. message, .. "\r\n"u8,
            .. Encoding.UTF8.GetBytes("[10:00:01.000]收←◆\r\n+MQTTPUBLISH: 0,0,0,0,t,6,温度\r\n"),
        ];

        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Sscom));
        // The line end before the next received stamp is SSCOM's own, so the first message ends without it.
        var publishes = records.Where(r => r.Data.AsSpan().IndexOf("+MQTTPUBLISH"u8) >= 0).ToList();
        Assert.That(publishes[0].Data, Is.EqualTo("+MQTTPUBLISH: 0,0,0,0,t,4,"u8.ToArray().Concat(message)));
        Assert.That(publishes[1].Text, Is.EqualTo("+MQTTPUBLISH: 0,0,0,0,t,6,温度\r\n"));
        Assert.That(records[0], Has.Property("Direction").EqualTo(LogDirection.ToModule).And.Property("Text").EqualTo("AT\r\n"));
    }

    [Test]
    public void Hex_mode_gives_the_exact_bytes()
    {
        var (source, records) = TempLog.Read("[22:00:41.748]收←◆00 FF 0D 0A 4F 4B 0D 0A \r\n[22:00:41.900]收←◆0D 0A 2B 4D \r\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.SscomHex));
        Assert.That(records[0].Data, Is.EqualTo(new byte[] { 0, 0xFF, 13, 10, (byte)'O', (byte)'K', 13, 10 }));
        Assert.That(records[1].Data, Is.EqualTo("\r\n+M"u8.ToArray()));
    }

    /// <summary>The display switched to hex for a while (both ways) in a text-mode log: those packets are their bytes; a number alone stays text.</summary>
    [Test]
    public void Packets_shown_in_hex_in_a_text_log_are_read_as_their_bytes()
    {
        var analysis = TempLog.Analyze(
            "[10:20:00.000]发→◇AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n□\r\n[10:20:00.050]收←◆\r\nOK\r\n" +
            "[10:20:03.500]收←◆0D 0A 2B 4D 51 54 54 4F 50 45 4E 3A 4F 4B 0D 0A \r\n" +
            "[10:20:04.000]发→◇41 54 2B 43 47 53 4E 3D 31 0D 0A \r\n" +
            "[10:20:04.040]收←◆\r\n+CGSN: 8690123456789012\r\n\r\nOK\r\n", LogFormat.Sscom);

        Assert.That(analysis.Urcs.Select(u => (u.Name, u.CommandLine)), Is.EqualTo(new (string, long?)[] { ("+MQTTOPEN", 1) }));
        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[]
        {
            ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK"), ("AT+CGSN=1", "OK"),
        }));
        Assert.That(analysis.Exchanges[1].Information, Is.EqualTo(new[] { "+CGSN: 8690123456789012" }));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Has.None.EqualTo("urc-missing"));
    }

    [TestCase("[22:00:41.700]发→◇41 54 2B 43 53 51 0D 0A □\r\n[22:00:41.748]收←◆0d 0a 2b 43 53 51 3a 20 32 30 2c 39 39 0d 0a 0d 0a 4f 4b 0d 0a \r\n")]
    [TestCase("[22:00:41.700]发→◇41 54 2B 43 53 51 0D 0A\t□ \r\n[22:00:41.748]收←◆0D 0A 2B 43 53 51 3A 20 32 30 2C 39 39 0D 0A 0D 0A 4F 4B 0D 0A\r\n[22:00:42.700]发→◇AT+CGATT?\r\n□\r\n[22:00:42.748]收←◆\r\n+CGATT: 1\r\n\r\nOK\r\n")]
    public void A_sent_packet_in_hex_with_its_box_on_the_same_line_is_read_as_its_bytes(string log)
    {
        // Some SSCOM builds end the sent packet's hex with the box that stands for its end, on the line itself.
        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges[0].Command, Is.EqualTo("AT+CSQ"));
        Assert.That(analysis.Exchanges[0].Information, Is.EqualTo(new[] { "+CSQ: 20,99" }));
        Assert.That(analysis.Diagnostics, Is.Empty);
    }
}
