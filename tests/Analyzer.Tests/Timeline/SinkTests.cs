using System.Text;
using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;

namespace Conformance.Analyzer.Tests.Timeline;

public class SinkTests
{
    private sealed class Collected : ITimelineSink
    {
        public List<object> Items { get; } = [];
        public void Exchange(Exchange exchange) => Items.Add(exchange);
        public void Urc(UrcEvent urc) => Items.Add(urc);
        public void Diagnostic(Diagnostic diagnostic) => Items.Add(diagnostic);
        public void StateChange(StateChange change) => Items.Add(change);
        public void Reconnection(Reconnection reconnection) => Items.Add(reconnection);
        public void DataPoints(PublishedDataPoints points) => Items.Add(points);
    }

    // A session written by hand: open, a $dp publish, a lost connection and a reconnect, an error, stray OKs.
    private static readonly (LogDirection Way, string Text)[] Session =
    [
        (LogDirection.ToModule, "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"pid\",\"s3cr3t-pass\",1\r\n"),
        (LogDirection.FromModule, "\r\nOK\r\n"),
        (LogDirection.ToModule, "AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n"),
        (LogDirection.FromModule, "\r\nOK\r\n+MQTTOPEN: OK\r\n"),
        (LogDirection.ToModule, "AT+MQTTPUB=\"$dp\",1,0,0,13,\"0300097B2274223A317D\"\r\n"),
        (LogDirection.FromModule, "\r\nOK\r\n+MQTTPUBACK: 1,1\r\n"),
        (LogDirection.FromModule, "+MQTTTO: 5\r\n+MQTTREC\r\n+MQTTOPEN: OK\r\n"),
        (LogDirection.ToModule, "AT+MQTTSUB=\"t\",1\r\n"),
        (LogDirection.FromModule, "\r\n+CME ERROR: 601\r\n\r\nOK\r\n\r\nOK\r\n"),
    ];

    private static IEnumerable<LogRecord> Records() =>
        Session.Select((r, i) => new LogRecord(i + 1, "hand.log", null, TimeSpan.FromMilliseconds(i * 40), r.Way, Encoding.ASCII.GetBytes(r.Text)));

    [Test]
    public void The_sink_gets_every_item_also_beyond_the_stored_ones_and_in_log_order()
    {
        var whole = TimelineBuilder.Analyze(Records());
        var sink = new Collected();
        var capped = TimelineBuilder.Analyze(Records(), new AnalysisOptions { MaxStoredItems = 1, Sink = sink });

        static string Shown(Exchange e) => $"{e.Line} {e.Command} {e.Final} {e.LatencyMs} {string.Join('|', e.Information)}";
        Assert.That(sink.Items.OfType<Exchange>().Select(Shown), Is.EqualTo(whole.Exchanges.Select(Shown)));
        Assert.That(sink.Items.OfType<UrcEvent>(), Is.EqualTo(whole.Urcs));
        Assert.That(sink.Items.OfType<Diagnostic>(), Is.EqualTo(whole.Diagnostics));
        Assert.That(sink.Items.OfType<StateChange>(), Is.EqualTo(whole.StateChanges));
        Assert.That(sink.Items.OfType<Reconnection>(), Is.EqualTo(whole.Reconnections));
        Assert.That(sink.Items.OfType<PublishedDataPoints>().Select(p => p.Line), Is.EqualTo(whole.DataPoints.Select(p => p.Line)));
        Assert.That(whole.Exchanges, Has.Count.GreaterThan(3));
        Assert.That(whole.Diagnostics, Has.Count.GreaterThan(1));
        Assert.That(whole.Reconnections, Is.Not.Empty);
        Assert.That(capped.Exchanges, Has.Count.EqualTo(1), "the stored lists stay capped");
        int[] counts = [whole.Exchanges.Count, whole.Urcs.Count, whole.Diagnostics.Count, whole.StateChanges.Count, whole.Reconnections.Count, whole.DataPoints.Count];
        Assert.That(capped.Summary.Omitted, Is.EqualTo(counts.Sum(c => Math.Max(0, c - 1))), "what the sink got beyond the first is counted as omitted");
        var lines = sink.Items.OfType<UrcEvent>().Select(u => u.Line).ToList();
        Assert.That(lines, Is.Ordered);
    }
}
