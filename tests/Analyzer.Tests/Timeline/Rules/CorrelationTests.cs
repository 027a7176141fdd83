using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Statistics;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Catalog;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Events;
using static Conformance.Analyzer.Tests.Timeline.Rules.RuleInputs;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

/// <summary>What answers what, on its own: commands, their final results, the URCs they wait for, handshakes by packet id.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class CorrelationTests
{
    private readonly DiagnosticLog _log = Log();
    private readonly CappedList<Exchange> _exchanges = new(10);
    private readonly Correlation _correlation;

    public CorrelationTests() => _correlation = new Correlation(10, _exchanges, new StatisticsBuilder(), _log, new KeptText());

    private static Stamp Line(long line) => new(line, null, null);

    private PendingExchange Sent(string line, long at) => _correlation.Start(Line(at), line, CommandText.Key(line), line, AtCommandParser.Parse(line).Value);

    /// <summary>The host sent <paramref name="line"/> and got OK.</summary>
    private void Accepted(string line, long at)
    {
        var pending = Sent(line, at);
        _correlation.Finish(pending, "OK", ok: true, Line(at + 1));
        _correlation.Accepted(pending);
    }

    private (long? Answers, int? PacketId, bool Unexpected) Received(string line, long at, string? pending = null)
    {
        var urc = Events(line + "\r\n", pending: pending).Single(e => e.Kind == AtEventKind.Urc);
        var answered = _correlation.Received(urc, urc.Name!, urc.Text, Line(at), reconnecting: false, out var packetId, out var unexpected);
        return (answered?.Line, packetId, unexpected);
    }

    [Test]
    public void An_ack_answers_the_oldest_command_waiting_for_it_and_a_second_answers_nothing()
    {
        Accepted("AT+MQTTSUB=\"a\",1", 1);
        Accepted("AT+MQTTSUB=\"b\",1", 3);

        Assert.That(Received("+MQTTSUBACK: 10,1", 5), Is.EqualTo(((long?)1, (int?)10, false)));
        Assert.That(Received("+MQTTSUBACK: 11,1", 6), Is.EqualTo(((long?)3, (int?)11, false)));
        Assert.That(Received("+MQTTSUBACK: 12,1", 7), Is.EqualTo(((long?)null, (int?)12, true)));

        _correlation.Unexpected(Urc("+MQTTSUBACK: 12,1"), "+MQTTSUBACK: 12,1", Line(7));
        Assert.That(_log.Messages(), Is.EqualTo(new[] { "+MQTTSUBACK: 12,1 answers nothing: no AT+MQTTSUB was waiting for it" }));
        Assert.That(_correlation.Urcs, Is.EqualTo(3));
    }

    [Test]
    public void An_outcome_before_the_final_result_answers_the_pending_command_which_then_awaits_nothing()
    {
        var pending = Sent("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", 1);

        var answer = Received("+MQTTOPEN: OK", 2, pending: pending.Line);
        _correlation.Finish(pending, "OK", ok: true, Line(3));
        _correlation.Accepted(pending);
        _correlation.Complete();

        Assert.That(answer.Answers, Is.EqualTo(1));
        Assert.That(pending.OutcomeSeen, Is.True);
        Assert.That(_log.Kept, Is.Empty, "nothing is missing at the end");
    }

    [Test]
    public void An_outcome_that_never_came_is_reported_when_the_log_ends()
    {
        Accepted("AT+MQTTPUB=\"t\",1,0,0,2,6869", 4);

        _correlation.Complete();

        Assert.That(_log.Kept.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (4L, "urc-missing") }));
        Assert.That(_log.Messages().Single(), Is.EqualTo("+MQTTPUBACK never came for AT+MQTTPUB=\"t\",1,0,0,2,6869 before the log ended"));
    }

    [Test]
    public void A_qos2_publish_is_followed_by_packet_id_until_its_handshake_ends()
    {
        Accepted("AT+MQTTPUB=\"t\",2,0,0,2,6869", 1);

        Assert.That(Received("+MQTTPUBREC: 0,7", 3), Is.EqualTo(((long?)1, (int?)7, false)));
        Assert.That(Received("+MQTTPUBCOMP: 0,8", 4), Is.EqualTo(((long?)null, (int?)8, true)), "another packet's step answers nothing");
        _correlation.Complete();

        Assert.That(_log.Kept.Select(d => (d.Line, d.Code)), Is.EqualTo(new[] { (3L, "handshake-open") }));
        Assert.That(_log.Messages().Single(), Does.StartWith("+MQTTPUBCOMP never came for +MQTTPUBREC: 0,7 (packet 7 of AT+MQTTPUB="));
    }

    [Test]
    public void Past_the_limit_the_oldest_open_handshake_is_given_up_and_one_ended_or_begun_again_never_is()
    {
        var log = new DiagnosticLog(100);
        var correlation = new Correlation(10, _exchanges, new StatisticsBuilder(), log, new KeptText());
        void Receive(string line, long at)
        {
            var urc = Events(line + "\r\n").Single(e => e.Kind == AtEventKind.Urc);
            correlation.Received(urc, urc.Name!, urc.Text, Line(at), reconnecting: false, out _, out _);
        }
        // 60 incoming QoS 2 publishes, 10 followed at once: every third ends at once, packet 59 is used again at the end.
        var ended = new HashSet<int>();
        for (var id = 1; id <= 60; id++)
        {
            Receive($"+MQTTPUBLISH: 0,2,0,{id},\"t\",2,hi", id * 10);
            if (id % 3 != 0) continue;
            Receive($"+MQTTPUBREL: 0,{id}", id * 10 + 1);
            ended.Add(id);
        }
        Receive("+MQTTPUBLISH: 0,2,0,59,\"t\",2,hi", 700);

        var givenUp = log.Kept.Where(d => d.Code == "handshake-open").Select(d => (int)(d.Line / 10)).ToList();
        // The open ones oldest first, all but the 9 newest (60 held the tenth place until it ended); then 59's first
        // wait, replaced by its new one.
        var open = Enumerable.Range(1, 60).Where(id => !ended.Contains(id)).ToList();
        Assert.That(givenUp, Is.EqualTo(open.Take(open.Count - 9).Append(59).ToList()));
        Assert.That(log.Messages().First(), Does.EndWith("before 10 later handshakes began (the most followed at once)"));
        Assert.That(log.Messages().Last(), Does.EndWith("before packet id 59 was used again"));
    }

    [Test]
    public void A_redelivered_qos2_publish_continues_its_wait_and_one_pubrel_of_another_packet_answers_nothing()
    {
        // Packet 8 comes, then again with DUP 1 (the broker resent it); a PUBREL of packet 9 never matches it.
        Received("+MQTTPUBLISH: 0,2,0,8,$creq/b7c2,6,relay0", 1);
        Received("+MQTTPUBLISH: 1,2,0,8,$creq/b7c2,6,relay0", 2);
        Assert.That(Received("+MQTTPUBREL: 0,9", 3), Is.EqualTo(((long?)null, (int?)9, true)));
        _correlation.Complete();

        Assert.That(_log.Kept.Select(d => $"{d.Line} {d.Code}"), Is.EqualTo(new[] { "1 handshake-open" }));
        Assert.That(_log.Messages().Single(), Does.EndWith("(packet 8) before the log ended"));
    }

    [Test]
    public void A_qos2_publish_of_a_packet_id_still_awaited_without_dup_is_a_new_message()
    {
        Received("+MQTTPUBLISH: 0,2,0,8,\"t\",2,hi", 1);
        Received("+MQTTPUBLISH: 0,2,0,8,\"t\",2,ho", 2);

        Assert.That(_log.Messages().Single(), Does.EndWith("before packet id 8 was used again"));
    }

    [Test]
    public void A_final_result_with_nothing_pending_and_a_command_given_up_are_reported()
    {
        Assert.That(_correlation.Final("OK", Line(1)), Is.Null);
        var pending = Sent("AT+CSQ", 2);
        Assert.That(_correlation.Final("OK", Line(3)), Is.SameAs(pending));
        _correlation.GiveUp(pending, Correlation.NoAnswer(pending, "the log ended first"));

        Assert.That(_log.Kept.Select(d => $"{d.Line} {d.Code}: {d.Message}"), Is.EqualTo(new[]
        {
            "1 final-without-command: OK arrived while no command was waiting",
            "2 no-final-result: AT+CSQ got no final result: the log ended first",
        }));
        Assert.That((_correlation.Commands, _correlation.Unanswered, _correlation.Pending), Is.EqualTo((1L, 1L, (PendingExchange?)null)));
        Assert.That(_exchanges.Items.Single().Final, Is.Null);
    }

    // A command and the outcome URC that answers it, for every outcome the catalog names: a URC added to the
    // catalog as some command's outcome fails the test below until it has a line here, and then until the
    // correlation matches it.
    private static readonly Dictionary<string, (string Command, string Outcome)> Outcomes = new()
    {
        ["+MQTTOPEN"] = ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "+MQTTOPEN: OK"),
        ["+MQTTSUBACK"] = ("AT+MQTTSUB=\"dev/cmd\",1", "+MQTTSUBACK: 3,1,\"dev/cmd\""),
        ["+MQTTPUBACK"] = ("AT+MQTTPUB=\"dev/up\",1,0,0,2,6869", "+MQTTPUBACK: 4,0"),
        ["+MQTTPUBREC"] = ("AT+MQTTPUB=\"dev/up\",2,0,0,2,6869", "+MQTTPUBREC: 0,5"),
        ["+MQTTUNSUBACK"] = ("AT+MQTTUNSUB=\"dev/cmd\"", "+MQTTUNSUBACK: 6"),
        ["+MQTTDISC"] = ("AT+MQTTDISC", "+MQTTDISC: OK"),
    };

    [Test]
    public void Every_outcome_urc_of_the_catalog_answers_its_command_after_ok_and_before_it()
    {
        var named = ProtocolCatalog.Urcs.Where(u => u.OutcomeOf is not null).Select(u => u.Name);
        Assert.That(Outcomes.Keys, Is.EquivalentTo(named), "one sample per outcome URC of the catalog");

        Assert.Multiple(() =>
        {
            foreach (var (urc, (command, outcome)) in Outcomes)
            {
                var after = new CorrelationTests();
                after.Accepted(command, 1);
                Assert.That(after.Received(outcome, 3).Answers, Is.EqualTo(1), $"{urc} after the OK of {command}");

                var before = new CorrelationTests();
                var pending = before.Sent(command, 1);
                Assert.That(before.Received(outcome, 2, pending: command).Answers, Is.EqualTo(1), $"{urc} before the OK of {command}");
            }
        });
    }
}
