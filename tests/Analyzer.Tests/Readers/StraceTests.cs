using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>strace of a program driving the port (<c>strace -tt -e trace=read,write</c>), written here by hand.</summary>
public class StraceTests
{
    private const string Csq =
        "strace: Process 311 attached\n" +
        "08:00:00.100000 write(3, \"AT+CSQ\\r\\n\", 8) = 8\n" +
        "08:00:00.110000 write(1, \"[modemd] asked for the signal\\n\", 31) = 31\n" +
        "08:00:00.120000 read(3, 0x7ffd4b2c1e40, 255) = -1 EAGAIN (Resource temporarily unavailable)\n" +
        "08:00:00.130000 read(3, \"\\r\\n+CSQ: 2\", 255) = 10\n" +
        "08:00:00.131500 read(3, \"0,99\\r\\n\\r\\nOK\\r\\n\", 255) = 12\n" +
        "08:00:00.200000 +++ exited with 0 +++\n";

    [Test]
    public void Writes_go_to_the_module_reads_come_from_it_and_the_programs_other_descriptors_are_left_out()
    {
        var (source, records) = TempLog.Read(Csq);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Strace), () => string.Join(", ", source.Detection.Scores));
        // A read that ends inside a line runs on into the next read; the line is timed by the read that ends it.
        Assert.That(records.Select(r => (r.Direction, r.Text)), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+CSQ\r\n"), (LogDirection.FromModule, "\r\n"), (LogDirection.FromModule, "+CSQ: 20,99\r\n\r\nOK\r\n"),
        }));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 2L, 5L, 5L }));
        Assert.That(records[2].Time - records[0].Time, Is.EqualTo(TimeSpan.FromMilliseconds(31.5)));
    }

    [Test]
    public void A_call_another_thread_interrupted_is_read_whole_with_c_escapes_and_a_cut_string_ends_where_strace_cut_it()
    {
        const string log =
            "[pid   311] 1700000000.100000 write(5, \"AT+MQTTSTAT?\\r\", 13) = 13\n" +
            "[pid   312] 1700000000.110000 read(5,  <unfinished ...>\n" +
            "[pid   311] 1700000000.120000 write(1, \"waiting\\n\", 8) = 8\n" +
            "[pid   312] 1700000000.130000 <... read resumed>\"\\r\\n+MQTTSTAT: 5\\r\\n\\r\\nOK\\r\\n\", 1024) = 22\n" +
            "[pid   312] 1700000009.000000 read(5, \"\\r\\n+MQTTPUBLISH: 0,0,0,0,\\\"t\\\",12,\\33[1m\"..., 1024) = 61\n";

        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Strace), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(new[]
        {
            (LogDirection.ToModule, "AT+MQTTSTAT?"), (LogDirection.FromModule, "+MQTTSTAT: 5"), (LogDirection.FromModule, "OK"),
            (LogDirection.FromModule, "+MQTTPUBLISH: 0,0,0,0,\"t\",12,\u001b[1m"),
        }));
        Assert.That(records[1].Time - records[0].Time, Is.EqualTo(TimeSpan.FromMilliseconds(30)));
    }

    [Test]
    public void Another_stamped_format_does_not_take_a_stamped_strace_for_its_own()
    {
        var (source, _) = TempLog.Read(string.Concat(Csq.Split('\n').Where(line => line.Contains("read(") || line.Contains("write("))
            .Select(line => line + "\n")));

        Assert.That(source.Format, Is.EqualTo(LogFormat.Strace), () => string.Join(", ", source.Detection.Scores));
    }
}
