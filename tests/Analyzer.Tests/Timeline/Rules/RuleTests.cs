using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Timeline;
using Conformance.Analyzer.Timeline.Rules;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Secrets;

namespace Conformance.Analyzer.Tests.Timeline.Rules;

/// <summary>Each rule of the timeline on its own: the commands it sees, the diagnostics it owns.</summary>
public class RuleTests
{
    private static readonly Stamp At = new(7, null, null);

    private static AtCommand Command(string line) => AtCommandParser.Parse(line).Value!;

    [Test]
    public void KeepAlive_below_the_default_ack_timeout_is_reported_and_a_longer_timeout_is_named()
    {
        var diagnostics = new DiagnosticLog(10);
        var rule = new KeepAliveRule(diagnostics);

        rule.Sent(Command("AT+MQTTCFG=\"h\",6002,\"id\",8,\"u\",\"p\",1"), At);
        rule.Sent(Command("AT+MQTTTO=5"), At);
        rule.Sent(Command("AT+MQTTTO=20"), At);

        Assert.That(diagnostics.Kept.Select(d => d.Message), Is.EqualTo(new[]
        {
            "keepAlive 8 s is smaller than the default AT+MQTTTO timeout of 10 s: a lost connection can go undetected by PINGREQ (manual §1.1)",
            "keepAlive 8 s is smaller than the AT+MQTTTO timeout of 20 s: a lost connection can go undetected by PINGREQ (manual §1.1)",
        }));
        Assert.That(diagnostics.Kept.Select(d => d.Code), Is.All.EqualTo(DiagnosticCodes.KeepAliveBelowTimeout.Code));
    }

    [TestCase("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", MqttState.NotInitialised, "out-of-order")]
    [TestCase("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", MqttState.Connected, "out-of-order")]
    [TestCase("AT+MQTTSUB=\"t\",1", MqttState.Initialised, "out-of-order")]
    [TestCase("AT+MQTTCFG=\"h\",6002,\"id\",60,\"u\",\"p\",1", MqttState.Connected, "cfg-without-del")]
    [TestCase("AT+MQTTSUB=\"t\",1", MqttState.Connected, null)]
    [TestCase("AT+MQTTSUB=\"t\",1", null, null)]
    public void The_order_rule_reports_a_command_sent_in_a_state_that_does_not_allow_it(string line, MqttState? state, string? code)
    {
        var diagnostics = new DiagnosticLog(10);

        new OrderRule(diagnostics).Sent(Command(line), line, state, At);

        Assert.That(diagnostics.Kept.Select(d => d.Code), Is.EqualTo(code is null ? Array.Empty<string>() : new[] { code }));
    }

    [TestCase("AT+MQTTPUB=$dp,2,1,0,30,03001B7b2274657374223a2268656c6c6fefbc8c776f726c64efbc81227d", null, 1)]
    [TestCase("AT+MQTTPUB=$dp,1,0,0,4,03000", "dp-bad-hex", 0)]
    [TestCase("AT+MQTTPUB=\"t\",1,0,0,3,6869", "message-len-mismatch", 0)]
    [TestCase("AT+MQTTPUB=$dp,1,0,0,2,0900", "dp-malformed", 0)]
    [TestCase("AT+MQTTPUB=\"t\",1,0,0,0,hello", null, 0)]
    [TestCase("AT+MQTTPUB=$dp,1,0,0,0,\"03000\"", null, 0)]
    [TestCase("AT+MQTTPUB=\"t\",1,0,0,\"3,6869\"", null, 0)]
    [TestCase("AT+MQTTPUB=\"t\",1,0,0,\"3\",6869", "message-len-mismatch", 0)]
    public void The_payload_rule_checks_the_hex_message_and_decodes_data_points(string line, string? code, int points)
    {
        var diagnostics = new DiagnosticLog(10);
        var dataPoints = new CappedList<PublishedDataPoints>(10);

        var reported = new PayloadRule(diagnostics, dataPoints, new SecretMasker()).Sent(line, AtCommandParser.Parse(line).Value, At);

        Assert.That(diagnostics.Kept.Select(d => d.Code), Is.EqualTo(code is null ? Array.Empty<string>() : new[] { code }));
        Assert.That(reported, Is.EqualTo(code is not null));
        Assert.That(dataPoints.Items, Has.Count.EqualTo(points));
    }

    [TestCase(false, "***")]
    [TestCase(true, "Zx81secretTok")]
    public void A_data_point_named_for_a_secret_is_masked_and_its_value_learned(bool show, string shown)
    {
        // Type 3: {"temperature":23.4,"token":"Zx81secretTok"}, hidden in hex from the line's own masking.
        var json = "{\"temperature\":23.4,\"token\":\"Zx81secretTok\"}"u8.ToArray();
        var hex = Convert.ToHexString([3, 0, (byte)json.Length, .. json]);
        var line = $"AT+MQTTPUB=$dp,1,0,0,{json.Length + 3},{hex}";
        var (dataPoints, secrets) = (new CappedList<PublishedDataPoints>(10), new SecretMasker(show: show));

        new PayloadRule(new DiagnosticLog(10), dataPoints, secrets).Sent(line, AtCommandParser.Parse(line).Value, At);

        Assert.That(dataPoints.Items.Single().Points.Select(p => (p.DatastreamId, p.Value.ToString())),
            Is.EqualTo(new[] { ("temperature", "23.4"), ("token", shown) }));
        Assert.That(secrets.Mask("echo Zx81secretTok"), Is.EqualTo($"echo {shown}"));
    }
}
