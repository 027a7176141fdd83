using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Conformance.Analyzer.Reports;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Reports;

public class HtmlReportTests
{
    private static IDocument Page(Log log) =>
        new HtmlParser().ParseDocument(HtmlReport.Write(TimelineBuilder.Analyze(log.Records), "session.log"));

    [Test]
    public void The_statistics_table_has_a_row_per_command_with_its_figures()
    {
        var page = Page(Sessions.Chapter4());

        var rows = page.QuerySelectorAll("#statistics-table tr").Skip(1).Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.That(rows.Select(r => r[0]), Does.Contain("AT+CSQ").And.Contain("AT+MQTTPUB="));
        Assert.That(rows.Single(r => r[0] == "AT+MQTTPUB="), Is.EqualTo(new[] { "AT+MQTTPUB=", "2", "2", "0", "0", "35 ms", "35 ms", "50 ms", "50 ms" }));
    }

    [Test]
    public void Every_id_on_the_page_is_its_own()
    {
        var ids = Page(Sessions.Messy()).QuerySelectorAll("[id]").Select(e => e.Id).ToList();

        Assert.That(ids, Is.Unique.And.Contain("summary").And.Contain("statistics"), "a link to #summary lands on one place");
    }

    [Test]
    public void Diagnostics_carry_their_line_and_severity_colour()
    {
        var page = Page(Sessions.Chapter4());

        var row = page.QuerySelectorAll("#diagnostics-table tr").Single(r => r.TextContent.Contains("cme-error", StringComparison.Ordinal));
        Assert.That(row.ClassList, Does.Contain("warn"));
        Assert.That(row.Children[0].TextContent, Is.EqualTo((TimelineBuilder.Analyze(Sessions.Chapter4().Records).Exchanges[^2].Line + 1).ToString()));
    }

    [Test]
    public void The_timeline_lists_every_exchange_urc_and_state_change_by_line()
    {
        var analysis = TimelineBuilder.Analyze(Sessions.Chapter4().Records);
        var page = Page(Sessions.Chapter4());

        var lines = page.QuerySelectorAll("#timeline-table tr").Skip(1).Select(r => long.Parse(r.Children[0].TextContent)).ToList();
        Assert.That(lines, Has.Count.EqualTo(analysis.Exchanges.Count + analysis.Urcs.Count + analysis.StateChanges.Count));
        Assert.That(lines, Is.Ordered);
    }

    [Test]
    public void A_long_timeline_is_cut_with_a_note()
    {
        var log = new Log();
        for (var i = 0; i < HtmlReport.MaxTimelineRows; i++) log.Exchange("AT", "\r\nOK\r\n");
        log.Exchange("AT+CSQ", "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");

        var page = Page(log);

        Assert.That(page.QuerySelectorAll("#timeline-table tr"), Has.Length.EqualTo(HtmlReport.MaxTimelineRows + 1));
        Assert.That(page.QuerySelector("#timeline-cut")!.TextContent, Does.Contain("1 more are in the CSV and JSON outputs"));
    }

    [Test]
    public void Both_plots_are_inline_svg()
    {
        var page = Page(Sessions.Chapter4());

        Assert.That(page.QuerySelector("#latency-plot svg"), Is.Not.Null);
        Assert.That(page.QuerySelector("#state-plot svg"), Is.Not.Null);
        Assert.That(page.QuerySelector("#latency-plot")!.TextContent, Does.Contain("AT+MQTTPUB="));
    }

    [Test]
    public void The_page_loads_nothing_and_runs_nothing()
    {
        var page = Page(Sessions.Chapter4());

        Assert.That(page.QuerySelectorAll("script, link, img, iframe"), Is.Empty);
        Assert.That(page.QuerySelectorAll("[src], [href]"), Is.Empty);
    }

    [Test]
    public void A_log_without_times_says_so_instead_of_a_latency_plot()
    {
        var page = Page(Sessions.Chapter4(timed: false));

        Assert.That(page.QuerySelector("#latency-plot")!.TextContent, Does.Contain("no times"));
        Assert.That(page.QuerySelector("#state-plot svg"), Is.Not.Null);
    }

    [Test]
    public void Markup_in_the_log_is_shown_as_text_never_as_markup()
    {
        const string attack = "<img src=x onerror=alert(1)>";
        var log = new Log()
            .Exchange($"AT+MQTTSUB=\"{attack}\",1", "\r\nOK\r\n")
            .Receive($"\r\n+MQTTPUBLISH: 0,0,0,0,\"{attack}\",5\r\nhello\r\n")
            .Exchange("AT<script>alert(2)</script>", "\r\nERROR\r\n");

        var page = Page(log);

        Assert.That(page.QuerySelectorAll("script, img"), Is.Empty);
        Assert.That(page.QuerySelector("#timeline-table")!.TextContent, Does.Contain(attack).And.Contain("<script>alert(2)</script>"));
    }

    [Test]
    public void The_api_key_is_not_on_the_page()
    {
        var text = HtmlReport.Write(TimelineBuilder.Analyze(Sessions.Messy().Records), "messy.log");

        Assert.That(text, Does.Not.Contain(Sessions.ApiKey));
        Assert.That(text, Does.Contain("AT+MQTTCFG="));
    }
}
