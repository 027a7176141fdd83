using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Diagnostics;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// A customer's log retyped in a chat or a ticket in Chinese: what was sent is a 命令 or 指令, what came back a 返回,
/// 回复, 应答 or 响应; a note points back at a line with an arrow.
/// </summary>
public class ChineseNoteWordTests
{
    [Test]
    public void Returned_lines_are_the_modules_and_a_note_pointing_back_is_the_writers()
    {
        const string chat =
            "发送：AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod\",\"k3yS3cret\",1\n" +
            "返回：OK\n" +
            "发送：AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n" +
            "返回：OK\n" +
            "返回：+MQTTOPEN: FAIL   ← 这里失败了\n";

        var analysis = TempLog.Analyze(chat);

        Assert.That(analysis.Exchanges.Select(e => e.Final), Is.EqualTo(new[] { "OK", "OK" }));
        Assert.That(analysis.Urcs.Select(u => (u.Text, u.CommandLine)), Is.EqualTo(new (string, long?)[] { ("+MQTTOPEN: FAIL", 3) }));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { DiagnosticCodes.OpenFailed.Code }));
        Assert.That(analysis.Exchanges[0].Command, Does.Not.Contain("k3yS3cret"));
    }

    [TestCase("命令：AT+CGATT?\n回复：+CGATT: 1\n回复：OK\n指令: AT+MQTTSTAT?\n应答: +MQTTSTAT: 5\n响应：OK\n")]
    [TestCase("【命令】AT+CGATT?\n【回复】+CGATT: 1\n【回复】OK\n【指令】AT+MQTTSTAT?\n【应答】+MQTTSTAT: 5\n【响应】OK\n")]
    public void Each_word_says_its_direction(string log)
    {
        var (_, records) = TempLog.Read(log);

        Assert.That(Traffic.Lines(records), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+CGATT?"), (LogDirection.FromModule, "+CGATT: 1"), (LogDirection.FromModule, "OK"),
            (LogDirection.ToModule, "AT+MQTTSTAT?"), (LogDirection.FromModule, "+MQTTSTAT: 5"), (LogDirection.FromModule, "OK"),
        }));
    }
}
