using System.Text;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Reports;
using Conformance.Analyzer.Timeline;
using Spectre.Console;

namespace Conformance.Analyzer.Tests.Reports;

/// <summary>A log a Chinese terminal wrote in GBK reaches every report as the Chinese text it is.</summary>
public class GbkTextTests
{
    private const string Topic = "设备/系统启动";

    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("gbk-log-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private Analysis AnalyzeGbkLog()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding(936);
        // An SSCOM capture saved by a Chinese Windows: every line in GBK, the topic in Chinese.
        var log = string.Join("\r\n",
            "[10:00:00.000]发→◇AT+MQTTSUB=\"" + Topic + "\",1",
            "□",
            "[10:00:00.050]收←◆",
            "OK",
            "",
            "+MQTTSUBACK: 1,1,\"" + Topic + "\"",
            "") + "\r\n";
        var path = Path.Combine(_directory, "sscom.log");
        File.WriteAllBytes(path, gbk.GetBytes(log));
        Assert.That(Encoding.UTF8.GetString(gbk.GetBytes(Topic)), Is.Not.EqualTo(Topic), "the file is not UTF-8");
        return TimelineBuilder.Analyze(LogSource.Open(path).Read());
    }

    [Test]
    public void Console_json_csv_and_html_show_the_chinese_text()
    {
        var analysis = AnalyzeGbkLog();

        Assert.That(analysis.Urcs.Single().Text, Is.EqualTo($"+MQTTSUBACK: 1,1,\"{Topic}\""));
        Assert.That(analysis.Exchanges.Single().Command, Is.EqualTo($"AT+MQTTSUB=\"{Topic}\",1"));

        using var console = new StringWriter();
        AnalysisConsoleReport.Write(analysis, AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(console),
        }));
        Assert.That(console.ToString(), Does.Contain(Topic));

        var json = System.Text.Json.JsonDocument.Parse(JsonReport.Write(analysis));
        Assert.That(json.RootElement.GetProperty("urcs")[0].GetProperty("text").GetString(), Does.Contain(Topic));

        var files = CsvReport.Write(analysis, _directory);
        Assert.That(files.Select(f => File.ReadAllText(Path.Combine(_directory, Path.GetFileName(f)), Encoding.UTF8)), Has.Some.Contain(Topic));

        Assert.That(HtmlReport.Write(analysis, "gbk"), Does.Contain(Topic));
    }
}
