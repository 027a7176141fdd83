using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;
using Conformance.Protocol.Responses;

namespace Conformance.Analyzer.Tests.Timeline;

public class TimelineTests
{
    [Test]
    public void Echo_and_split_records_do_not_change_the_exchanges()
    {
        var plain = TimelineBuilder.Analyze(Sessions.Chapter4().Records);
        var echoed = TimelineBuilder.Analyze(Sessions.Chapter4(echo: true).Records);
        var split = TimelineBuilder.Analyze(Sessions.Chapter4(echo: true, split: 3).Records);

        Assert.That(echoed.Exchanges, Is.EqualTo(plain.Exchanges).Using<Exchange>(SameExchange));
        Assert.That(echoed.Exchanges.Select(e => e.Line), Is.EqualTo(plain.Exchanges.Select(e => e.Line)));
        // Split records shift the line numbers of the log, not what was said.
        Assert.That(split.Exchanges, Is.EqualTo(plain.Exchanges).Using<Exchange>(SameExchange));
        Assert.That(split.Urcs.Select(u => u.Text), Is.EqualTo(plain.Urcs.Select(u => u.Text)));
        Assert.That(echoed.Diagnostics, Is.EqualTo(plain.Diagnostics));
    }

    private static bool SameExchange(Exchange a, Exchange b) =>
        a.Command == b.Command && a.Final == b.Final && a.Information.SequenceEqual(b.Information);

    [Test]
    public void Latency_runs_from_the_command_to_its_final_result()
    {
        var analysis = TimelineBuilder.Analyze(new Log().Exchange("AT+CSQ", "\r\n+CSQ: 24,99\r\n\r\nOK\r\n", latency: 37).Records);

        Assert.That(analysis.Exchanges.Single().LatencyMs, Is.EqualTo(37));
    }

    [Test]
    public void Without_times_latency_is_unknown_not_zero()
    {
        var analysis = TimelineBuilder.Analyze(Sessions.Chapter4(timed: false).Records);

        Assert.That(analysis.Exchanges.Select(e => e.LatencyMs), Is.All.Null);
        Assert.That(analysis.Statistics.Commands.Select(c => c.MedianMs), Is.All.Null);
        Assert.That(analysis.Statistics.UptimeMs, Is.Null);
    }

    [Test]
    public void Frames_carry_the_line_of_the_record_they_start_in()
    {
        var log = new Log().Send("AT+MQTTSUB=\"t\",1").Receive("\r\nOK\r\n").Receive("\r\n+MQTTSUB").Receive("ACK: 3,1,t\r\n");

        var urc = TimelineBuilder.Analyze(log.Records).Urcs.Single();

        Assert.That(urc.Line, Is.EqualTo(log.Records[2].Line));
        Assert.That(urc.CommandLine, Is.EqualTo(log.Records[0].Line), "the SUBACK answers the SUB");
        Assert.That(urc.PacketId, Is.EqualTo(3));
    }

    [Test]
    public void Urcs_are_attached_to_the_command_or_handshake_they_answer()
    {
        var analysis = TimelineBuilder.Analyze(Sessions.Chapter4().Records);
        var line = (string command) => analysis.Exchanges.First(e => e.Command.StartsWith(command, StringComparison.Ordinal)).Line;
        var answers = (string text) => analysis.Urcs.First(u => u.Text == text).CommandLine;

        Assert.That(answers("+MQTTOPEN: OK"), Is.EqualTo(line("AT+MQTTOPEN")));
        Assert.That(answers("+MQTTSUBACK: 5,2"), Is.EqualTo(line("AT+MQTTSUB=")));
        Assert.That(answers("+MQTTPUBREC: 0,14"), Is.EqualTo(line("AT+MQTTPUB=\"dev")));
        Assert.That(answers("+MQTTPUBCOMP: 0,14"), Is.EqualTo(analysis.Urcs.First(u => u.Text == "+MQTTPUBREC: 0,14").Line));
        Assert.That(answers("+MQTTPUBREL: 0,9"), Is.EqualTo(analysis.Urcs.First(u => u.Name == "+MQTTPUBLISH").Line));
        Assert.That(answers("+MQTTDISC: OK"), Is.EqualTo(line("AT+MQTTDISC")));
    }

    [Test]
    public void Session_state_follows_the_manual_session()
    {
        var analysis = TimelineBuilder.Analyze(Sessions.Chapter4().Records);

        Assert.That(analysis.StateChanges.Select(s => s.To), Is.EqualTo(new[]
        {
            MqttState.Initialised, MqttState.Connecting, MqttState.Connected, MqttState.Disconnected, MqttState.NotInitialised,
        }));
        Assert.That(analysis.Statistics.UptimeMs, Is.GreaterThan(0));
    }

    [Test]
    public void A_reconnection_episode_counts_timeouts_and_attempts_and_how_it_ended()
    {
        var analysis = TimelineBuilder.Analyze(Sessions.Reconnection().Records);

        var episode = analysis.Reconnections.Single();
        Assert.That((episode.Timeouts, episode.Attempts, episode.Outcome), Is.EqualTo((3, 3, ReconnectionOutcome.GaveUp)));
        Assert.That(episode.DurationMs, Is.EqualTo(140_000), "first +MQTTTO: 5 to +MQTTDISC: OK");
        Assert.That(analysis.Summary.Reconnects, Is.EqualTo(1));
        Assert.That(analysis.Statistics.Drops, Is.EqualTo(1));
        Assert.That(analysis.StateChanges.Select(s => s.To).TakeLast(3), Is.EqualTo(new[] { MqttState.Connected, MqttState.Reconnecting, MqttState.Disconnected }));
    }

    [Test]
    public void Dp_payloads_are_decoded_to_their_data_points()
    {
        var analysis = TimelineBuilder.Analyze(Sessions.Chapter4().Records);

        var point = analysis.DataPoints.Single().Points.Single();
        Assert.That((point.DatastreamId, point.Value.Text), Is.EqualTo(("test", "hello，world！")));
    }

    [Test]
    public void A_command_split_across_records_is_one_command()
    {
        var log = new Log().Add(LogDirection.ToModule, "AT+CS").Add(LogDirection.ToModule, "Q\r").Receive("\r\n+CSQ: 1,99\r\nOK\r\n");

        var exchange = TimelineBuilder.Analyze(log.Records).Exchanges.Single();

        Assert.That((exchange.Line, exchange.Command, exchange.Final), Is.EqualTo((1L, "AT+CSQ", "OK")));
    }
}
