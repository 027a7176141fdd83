using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Reports;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

public class SecretsTests
{
    [Test]
    public void The_api_key_appears_in_no_output()
    {
        var json = JsonReport.Write(TimelineBuilder.Analyze(Sessions.Messy().Records));

        Assert.That(json, Does.Not.Contain(Sessions.ApiKey));
        Assert.That(json, Does.Contain("\\\"***\\\"").Or.Contain("\"***\""));
    }

    [Test]
    public void A_config_line_too_broken_to_parse_keeps_its_password()
    {
        var log = new Log().Exchange($"AT+MQTTCFG=\"h\",x,\"d\",60,\"p\",\"{Sessions.ApiKey}\",1", "\r\nERROR\r\n")
            .Receive($"\r\n+MQTTSUBACK: 1,2,{Sessions.ApiKey}\r\n");

        var analysis = TimelineBuilder.Analyze(log.Records);

        Assert.That(JsonReport.Write(analysis), Does.Not.Contain(Sessions.ApiKey));
        Assert.That(analysis.Exchanges.Single().Command, Is.EqualTo("AT+MQTTCFG=\"h\",x,\"d\",60,\"p\",\"***\",1"));
    }

    [Test]
    public void Show_secrets_shows_the_line_as_sent()
    {
        var analysis = TimelineBuilder.Analyze(Sessions.Chapter4().Records, new AnalysisOptions { ShowSecrets = true });

        Assert.That(analysis.Exchanges.Select(e => e.Command), Does.Contain(Sessions.Config));
    }

    /// <summary>The JSON report of <paramref name="log"/> saved as a file and read as a user's log is.</summary>
    private static string ReportOf(string log)
    {
        var path = Path.Combine(Path.GetTempPath(), $"secrets-{Guid.NewGuid():N}.log");
        try
        {
            File.WriteAllText(path, log);
            return JsonReport.Write(TimelineBuilder.Analyze(LogSource.Open(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // A password the terminal broke over two stamped lines: the command's start on one, its tail on the next, read as the module's.
    [TestCase("""
        [2024-01-02 10:11:14.000] AT+MQTTCFG="host",1883,"dev1",60,"user","S3cretPa
        [2024-01-02 10:11:14.001] ssw0rd",1
        [2024-01-02 10:11:14.100] OK
        [2024-01-02 10:11:15.000] AT+MQTTSTAT?
        [2024-01-02 10:11:15.050] +MQTTSTAT: 1
        [2024-01-02 10:11:15.051] OK
        """)]
    // A capture of the port: the module's read answer broken over two lines.
    [TestCase("AT+MQTTCFG?\r\r\n+MQTTCFG: \"host\",1883,\"dev1\",60,\"user\",\"S3cretPa\r\nssw0rd\",1\r\n\r\nOK\r\n")]
    public void The_tail_of_a_secret_broken_over_two_lines_is_masked_on_the_next_line(string log)
    {
        var report = ReportOf(log);

        Assert.That(report, Does.Not.Contain("S3cretPa").And.Not.Contain("ssw0rd"));
        Assert.That(report, Does.Contain("***"));
    }

    /// <summary>A base64 password ending in <c>Key=</c>: masked alone, and the next command keeps its name in every table.</summary>
    [Test]
    public void A_password_ending_in_a_secret_word_and_equals_hides_only_itself()
    {
        var path = Path.Combine(Path.GetTempPath(), $"secrets-{Guid.NewGuid():N}.log");
        try
        {
            File.WriteAllText(path, "AT+MQTTCFG=\"183.230.40.39\",6002,\"512345678\",120,\"234567\",\"Sup3rSecretKey=\",1\r\nOK\r\n" +
                "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\nOK\r\n+MQTTOPEN: OK\r\n");
            var analysis = TimelineBuilder.Analyze(LogSource.Open(path));

            Assert.That(analysis.Exchanges.Select(e => e.Command), Is.EqualTo(new[]
            {
                "AT+MQTTCFG=\"183.230.40.39\",6002,\"512345678\",120,\"234567\",\"***\",1", "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"",
            }));
            Assert.That(analysis.Statistics.Commands.Select(c => c.Command), Does.Contain("AT+MQTTOPEN="));
            Assert.That(JsonReport.Write(analysis), Does.Not.Contain("Sup3rSecret"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>V.250 has the module ignore spaces before <c>=</c>: such a line is the command it names, its password masked.</summary>
    [TestCase("AT+MQTTCFG =\"h\",6002,\"d\",60,\"p\",\"PwA1x\",1")]
    [TestCase("AT+MQTTCFG\t=\"h\",6002,\"d\",60,\"p\",\"PwA1x\",1")]
    public void A_command_with_spaces_before_its_equals_sign_keeps_its_password_hidden_and_its_name(string line)
    {
        var report = ReportOf($"[2024-01-02 10:00:00.000] {line}\n[2024-01-02 10:00:00.050] OK\n");

        Assert.That(report, Does.Not.Contain("PwA1x"));
        Assert.That(report, Does.Contain("\"command\": \"AT+MQTTCFG=\""), "grouped with the other AT+MQTTCFG= lines");
    }
}
