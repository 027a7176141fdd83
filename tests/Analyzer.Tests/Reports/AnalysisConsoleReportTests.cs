using Conformance.Analyzer.Reports;
using Conformance.Analyzer.Timeline;
using Spectre.Console;

namespace Conformance.Analyzer.Tests.Reports;

public class AnalysisConsoleReportTests
{
    private static string Render(Analysis analysis)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        AnalysisConsoleReport.Write(analysis, console);
        return writer.ToString();
    }

    [Test]
    public void Redirected_output_is_plain_text_with_timeline_diagnostics_and_summary()
    {
        var text = Render(TimelineBuilder.Analyze(Sessions.Chapter4().Records));

        Assert.That(text, Does.Not.Contain("\u001b["), "no escape codes without a terminal");
        Assert.That(text, Does.Contain("→ AT+MQTTSUB=\"dev/gsm/u\",2"));
        Assert.That(text, Does.Contain("← +MQTTSUBACK: 5,2 (answers line"));
        Assert.That(text, Does.Contain("state 5 Connected after +MQTTOPEN: OK"));
        Assert.That(text, Does.Contain("cme-error"));
        Assert.That(text, Does.Contain("17 commands: 16 ok, 1 error, 0 unanswered"));
    }

    [Test]
    public void Markup_characters_in_the_log_are_shown_as_written()
    {
        var text = Render(TimelineBuilder.Analyze(new Log().Exchange("AT+MQTTPUB=\"a[b]\",0,0,0,0,\"[red]\"", "\r\nOK\r\n").Records));

        Assert.That(text, Does.Contain("\"[red]\""));
    }

    [Test]
    public void A_line_of_kilobytes_is_shown_by_its_start_and_its_length()
    {
        var hex = string.Concat(Enumerable.Repeat("7B2276223A317D", 400));
        var command = $"AT+MQTTPUB=\"t\",0,0,0,{hex.Length / 2},{hex}";
        var analysis = TimelineBuilder.Analyze(new Log().Exchange(command, "\r\nOK\r\n").Records);

        var text = Render(analysis);

        Assert.That(text, Does.Contain($"→ {command[..120]}… ({command.Length} characters)  OK"));
        Assert.That(text, Does.Not.Contain(command[..200]));
        Assert.That(analysis.Exchanges.Single().Command, Is.EqualTo(command), "the analysis keeps it whole");
    }
}
