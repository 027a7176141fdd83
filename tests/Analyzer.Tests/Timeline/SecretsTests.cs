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
}
