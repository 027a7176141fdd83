using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// A line is asked for its mark without the expression when it holds no piece of one: that shortcut must never
/// say "no mark" where the expression finds one.
/// </summary>
public class TranscriptTagShortcutTests
{
    private static readonly string[] Stamps = ["", "[10:11:12.123] ", "2026-11-30 10:11:12,123 ", "Nov 30 10:11:12 gw modem[311]: ", "[   12.345] ", "1764460800.123 ", "- ", "DEBUG:modem:", "(10:11:12.345) "];

    private static readonly string[] Marks =
    [
        "", "=> ", "<= ", "--> ", "<-- ", "-> ", "<- ", ">> ", "<< ", ">>> ", "» ", "« ", "→ ", "← ", "> ", "<", ">",
        "TX: ", "rx: ", "[TX] ", "[Rx] ", "【发送】", "[接收]", "Send: ", "RECV ", "SENT ", "Sending: ", "cmd: ", "Command: ",
        "Response: ", "resp: ", "Reply: ", "W: ", "R：", "发送: ", "接收：", "发出:", "收到:", "发送", "收到", "Tx ", "-> Sending: ", "→ RX: ",
    ];

    private static readonly string[] Traffic = ["AT+CSQ", "+CSQ: 20,99", "OK", "ERROR", "+CME ERROR: 3", "+MQTTPUBREC: 0,2", "SEND OK", "hello", "", "AT+MQTTSUB=\"$creq/#\",1"];

    private const string Pieces = "W:<x»R 收>-=";

    [Test]
    public void Every_line_the_expression_reads_a_mark_in_is_read_with_the_shortcut_too()
    {
        var random = new Random(5310);
        var checkedLines = 0;
        foreach (var stamp in Stamps)
        foreach (var mark in Marks)
        foreach (var traffic in Traffic)
        {
            var line = stamp + mark + traffic;
            // Also with a character changed at random: shapes no writer uses, which the shortcut must not misjudge either.
            var changed = line.Length == 0 ? line : line.Remove(random.Next(line.Length), 1).Insert(random.Next(line.Length), Pieces[random.Next(Pieces.Length)].ToString());
            foreach (var candidate in new[] { line, changed })
            {
                Assert.That(TranscriptTag.Parse(candidate) is not null, Is.EqualTo(TranscriptTag.Pattern().IsMatch(candidate)), candidate);
                checkedLines++;
            }
        }
        Assert.That(checkedLines, Is.EqualTo(Stamps.Length * Marks.Length * Traffic.Length * 2));
    }
}
