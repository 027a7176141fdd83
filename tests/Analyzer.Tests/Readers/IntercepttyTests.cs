using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>interceptty's output, a byte a line (<c>&gt; 0x41 (A)</c>), written here by hand.</summary>
public class IntercepttyTests
{
    private static string Bytes(char mark, string text) =>
        string.Concat(text.Select(c => $"{mark} 0x{(int)c:x2}{(c is >= ' ' and < '\x7f' ? $" ({c})" : "")}\n"));

    [Test]
    public void The_bytes_of_each_mark_are_gathered_into_lines_and_the_mark_carrying_the_commands_is_the_hosts()
    {
        // interceptty's `<` for what the program wrote, `>` for what the port answered: the other way round from its usual.
        var log = Bytes('<', "AT+CSQ\r") + Bytes('>', "\r\n+CSQ: 20,99\r\n\r\nOK\r\n") + Bytes('<', "AT\r") + Bytes('>', "\r\nOK\r\n");

        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Interceptty), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 20,99"), (LogDirection.FromModule, "OK"),
            (LogDirection.ToModule, "AT"), (LogDirection.FromModule, "OK"),
        }));
        // Each line is numbered by its first byte: AT+CSQ's A is line 1, the CR before +CSQ line 8.
        Assert.That(records.Take(2).Select(r => r.Line), Is.EqualTo(new[] { 1L, 8L }));
    }

    [Test]
    public void A_log_cut_inside_a_line_keeps_the_bytes_it_has()
    {
        var log = Bytes('>', "AT+MQTTSTAT?\r") + Bytes('<', "\r\n+MQTTSTAT: 5\r\n\r\nO");

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Single().Command, Is.EqualTo("AT+MQTTSTAT?"));
        Assert.That(analysis.Exchanges.Single().Final, Is.Null);
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Does.Contain("truncated-input"));
    }
}
