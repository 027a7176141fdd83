using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>A command line the host sends again word for word is read, paired and reported every time, like the first.</summary>
public class RepeatedCommandTests
{
    // Field style: lower-case prefix, a QoS the manual does not allow, a publish repeated between other commands.
    private static readonly string[] Commands =
    [
        "at+mqttpub=\"dev/s\",1,0,0,0,\"on\"", "AT+MQTTPUB=\"dev/s\",7,0,0,0,\"on\"", "AT+MQTTSUB=",
        "AT+MQTTPUB=\"dev/s\",0,0,0,0,\"on\"", "AT+CSQ",
    ];

    [Test]
    public void Each_repeat_gets_the_findings_and_exchange_of_the_first()
    {
        var log = new Log();
        for (var round = 0; round < 3; round++)
            foreach (var command in Commands) log.Exchange(command, "\r\nOK\r\n").Wait(50);

        var analysis = TimelineBuilder.Analyze(log.Records);

        var rounds = analysis.Exchanges.Chunk(Commands.Length).ToList();
        Assert.That(rounds, Has.Count.EqualTo(3));
        var firstLines = rounds[0].Select(e => e.Line).ToList();
        // A deviation from the manual is reported once per log; what is wrong with a line, at every line.
        var deviations = analysis.Diagnostics.Where(d => d.Code == "format-deviation").ToList();
        Assert.That(deviations.Select(d => d.Line), Is.All.EqualTo(firstLines[0]));
        Assert.That(deviations, Is.Not.Empty);
        var findings = analysis.Diagnostics.Except(deviations).ToList();
        Assert.That(findings.Count(d => d.Code == "unreadable-line"), Is.EqualTo(2 * rounds.Count));
        foreach (var round in rounds)
        {
            Assert.That(round.Select(e => (e.Command, e.Final)), Is.EqualTo(rounds[0].Select(e => (e.Command, e.Final))));
            var shift = round[0].Line - rounds[0][0].Line;
            var here = findings.Where(d => d.Line >= round[0].Line && d.Line <= round[^1].Line)
                .Select(d => (d.Code, d.Line - shift, AtAnyLine(d.Message))).ToList();
            var first = findings.Where(d => d.Line >= firstLines[0] && d.Line <= firstLines[^1])
                .Select(d => (d.Code, d.Line, AtAnyLine(d.Message))).ToList();
            Assert.That(here, Is.EqualTo(first));
        }
    }

    // A message that names another line (where the next command came) names the one of its own round.
    private static string AtAnyLine(string message) => System.Text.RegularExpressions.Regex.Replace(message, @"line \d+", "line #");
}
