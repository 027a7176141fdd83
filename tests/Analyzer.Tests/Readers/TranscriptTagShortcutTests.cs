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
        "Response: ", "resp: ", "Reply: ", "W: ", "R：", "发送: ", "接收：", "发出:", "收到:", "发送", "收到", "Tx ", "-> Sending: ", "→ RX: ", "Got: ", "answer: ", "Write: ", "READ: ", "读：", "写:", "收: ", "返回：", "【命令】",
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

/// <summary>The words a logger's line is marked with (one table) mark a transcript's line too, with the same direction.</summary>
public class MarkWordTests
{
    // `IN:` and `OUT:` are common words at the start of a line of notes: they mark a line only behind a logger's prefix.
    private static IEnumerable<(string Word, LogDirection Direction)> TranscriptWords() =>
        LoggerLine.Words.Where(w => w.Word is not ("IN" or "OUT")).Select(w => (w.Word, w.Direction));

    [Test]
    public void Every_word_of_the_table_marks_a_transcript_line_the_same_way()
    {
        foreach (var (word, direction) in TranscriptWords())
        // A single letter (`W:`, `R:`) marks a line in upper case only: `r:` starts many a word of notes.
        foreach (var written in word.Length == 1 ? [word] : new[] { word, word.ToLowerInvariant(), char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant() })
        foreach (var line in new[] { $"{written}: AT+CSQ", $"{written}：OK", $"[10:11:12.123] {written}: +CSQ: 20,99" })
        {
            var tag = TranscriptTag.Parse(line);
            // A host's single letter (`W:`, `T:`) marks only a command: `T: 25.3`, `W: low battery` are a logger's words.
            if (word.Length == 1 && char.IsAsciiLetter(word[0]) && direction == LogDirection.ToModule && !line.Contains("AT"))
            {
                Assert.That(tag, Is.Null, line);
                continue;
            }
            Assert.That(tag, Is.Not.Null, line);
            Assert.That((tag!.Arrow, tag.Direction), Is.EqualTo(((string?)null, direction)), line);
        }
    }
}
