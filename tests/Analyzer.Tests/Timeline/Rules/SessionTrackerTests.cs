using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Statistics;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

/// <summary>The session on its own: what moves it, and the codes it owns.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class SessionTrackerTests
{
    private readonly DiagnosticLog _log = Log();
    private readonly CappedList<StateChange> _changes = new(20);
    private readonly CappedList<Reconnection> _reconnections = new(20);
    private readonly SessionTracker _session;

    public SessionTrackerTests() => _session = new SessionTracker(_changes, _reconnections, new StatisticsBuilder(), _log, new Radio());

    private static Stamp Line(long line) => new(line, null, null);

    private void Accepted(string line, long at) =>
        _session.Accepted(new PendingExchange().Begin(Line(at), line, CommandText.Key(line), line, AtCommandParser.Parse(line).Value), Line(at + 1));

    private void Received(string line, long at, Awaited? answered = null) => _session.Received(Urc(line), answered, Line(at), line);

    [Test]
    public void Accepted_commands_and_outcomes_move_the_session_as_the_manual_says()
    {
        Accepted("AT+MQTTCFG=\"h\",6002,\"id\",60,\"u\",\"p\",1", 1);
        Accepted("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", 3);
        Received("+MQTTOPEN: OK", 5);
        Received("+MQTTDISC: OK", 7, answered: new Awaited(6, "+MQTTDISC", "AT+MQTTDISC"));
        Accepted("AT+MQTTDEL", 8);

        Assert.That(_changes.Items.Select(c => $"{c.To} ({c.Cause})"), Is.EqualTo(new[]
        {
            "Initialised (AT+MQTTCFG OK)", "Connecting (AT+MQTTOPEN OK)", "Connected (+MQTTOPEN: OK)",
            "Disconnected (+MQTTDISC: OK)", "NotInitialised (AT+MQTTDEL OK)",
        }));
        Assert.That(_log.Kept, Is.Empty, "a requested disconnection is no loss");
    }

    [Test]
    public void A_disconnection_nobody_asked_for_is_a_lost_connection()
    {
        Received("+MQTTOPEN: OK", 1);
        Received("+MQTTDISC: OK", 9);

        Assert.That(_log.Kept.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (9L, "connection-lost") }));
        Assert.That(_session.State, Is.EqualTo(MqttState.Disconnected));
    }

    [Test]
    public void Reconnections_in_quick_succession_are_a_storm_reported_once()
    {
        Received("+MQTTOPEN: OK", 1);
        for (var episode = 0; episode < 4; episode++)
        {
            Received("+MQTTTO: 5", 10 + episode * 10);
            Received("+MQTTREC", 11 + episode * 10);
            Received("+MQTTOPEN: OK", 12 + episode * 10);
        }

        Assert.That(_session.Episodes, Is.EqualTo(4));
        Assert.That(_reconnections.Items.Select(r => r.Outcome), Is.All.EqualTo(ReconnectionOutcome.Recovered));
        Assert.That(_log.Kept.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (30L, "reconnection-storm") }));
    }
}
