using System.Text.RegularExpressions;
using Conformance.Emulator.Control;
using Conformance.Emulator.Modem;
using Conformance.Emulator.Tests.Support;

namespace Conformance.Emulator.Tests.Control;

/// <summary>The control channel's commands change what a host on the AT port sees, as docs/emulator.md says.</summary>
public sealed class ControlCommandsTests
{
    private static readonly TimeSpan KeepAlive = FakeTimeModule.KeepAlive;
    private static readonly TimeSpan ReconnectInterval = FakeTimeModule.ReconnectInterval;

    private FakeTimeModule _rig = null!;
    private ControlCommands _control = null!;

    [SetUp]
    public async Task Start()
    {
        _rig = await FakeTimeModule.StartAsync();
        _control = new ControlCommands(_rig.Emulator.Module, _rig.Emulator.Platform);
    }

    [TearDown]
    public Task Stop() => _rig.DisposeAsync().AsTask();

    private Task ConnectAsync() => _rig.ConnectAsync();

    private async Task Control(string line, string answer) => Assert.That(await _control.ExecuteAsync(line), Is.EqualTo(answer), line);

    [Test]
    public async Task An_injected_urc_reaches_the_host_as_a_line_of_its_own()
    {
        await ConnectAsync();
        await Control("urc \"+MQTTDISC: OK\"", "ok urc sent (13 characters)");
        await _rig.Host.ExpectLinesAsync("+MQTTDISC: OK");
        await Control("urc +MQTTSUBACK: 1,2,\"led2\"", "ok urc sent (23 characters)");
        await _rig.Host.ExpectLinesAsync("+MQTTSUBACK: 1,2,\"led2\"");
        await Control("urc \"say \\\"hi\\\"\"", "ok urc sent (8 characters)");
        await _rig.Host.ExpectLinesAsync("say \"hi\"");
        // The module itself is untouched: the URC was only words on the wire.
        await _rig.Host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 5", "OK");
    }

    [Test]
    public async Task Pings_stop_leads_to_three_ping_timeouts_and_reconnection_and_pings_resume_lets_it_reconnect()
    {
        await ConnectAsync();
        await Control("pings stop", "ok pings stop: PINGREQs go unanswered");
        await _rig.MissThreePingsAsync();
        await Control("pings resume", "ok pings resume: PINGREQs are answered");
        _rig.Time.Advance(ReconnectInterval);
        await _rig.Host.ExpectLinesAsync("+MQTTOPEN: OK");
        _rig.Time.Advance(KeepAlive);
        await _rig.Host.ExpectLinesAsync("+MQTTPINGRSP: OK");
    }

    [Test]
    public async Task Broker_drop_gives_the_reconnection_urcs_and_broker_refuse_makes_them_fail()
    {
        await ConnectAsync();
        await Control("broker refuse", "ok broker refuse: new connections are refused");
        await Control("broker drop", "ok broker drop: connection cut; the module reconnects");
        await _rig.Host.ExpectLinesAsync("+MQTTREC: 0");
        _rig.Time.Advance(ReconnectInterval);
        await _rig.Host.ExpectLinesAsync("+MQTTREC: 1");
        await Control("broker restore", "ok broker restore: new connections are accepted");
        _rig.Time.Advance(ReconnectInterval);
        await _rig.Host.ExpectLinesAsync("+MQTTOPEN: OK");
        await Control("broker drop", "ok broker drop: connection cut; the module reconnects");
        await _rig.Host.ExpectLinesAsync("+MQTTREC: 0");
        await Control("reset", "ok reset: power-on state (state 0, echo off)");
        await Control("broker drop", "ok broker drop: no connection was open (state 0)");
    }

    [Test]
    public async Task Held_acks_time_out_and_the_module_reconnects_once_released()
    {
        await ConnectAsync();
        await Control("acks hold", "ok acks hold: the broker's ACKs are held back");
        await _rig.Host.ExpectAsync("AT+MQTTSUB=\"led2\",1", "OK");
        _rig.Time.Advance(FakeTimeModule.AckTimeout);
        await _rig.Host.ExpectLinesAsync("+MQTTTO: 3", "+MQTTREC: 0");
        await Control("acks release", "ok acks release: held ACKs delivered");
        _rig.Time.Advance(FakeTimeModule.ReconnectInterval);
        await _rig.Host.ExpectLinesAsync("+MQTTOPEN: OK");
    }

    [Test]
    public async Task Uplink_busy_refuses_publishes_until_uplink_free()
    {
        await ConnectAsync();
        await Control("uplink busy", "ok uplink busy: AT+MQTTPUB answers +CME ERROR: 652");
        await _rig.Host.ExpectAsync("AT+MQTTPUB=\"led2\",0,0,0,0,\"x\"", "+CME ERROR: 652");
        await Control("uplink free", "ok uplink free");
        await _rig.Host.ExpectAsync("AT+MQTTPUB=\"led2\",0,0,0,0,\"x\"", "OK");
    }

    [Test]
    public async Task Grant_makes_the_broker_grant_less_than_asked_and_the_module_reports_it()
    {
        await ConnectAsync();
        await Control("grant 1", "ok grant 1: subscriptions from now on are granted QoS 1 at most");
        await _rig.Host.ExpectAsync("AT+MQTTSUB=\"led2\",2", "OK");
        await _rig.Host.ExpectLinesAsync("+MQTTSUBACK: 1,1,\"led2\"");
        await Control("status", "ok state 5 (Connected), echo off, broker accepting, pings answered, acks passing, uplink free, grants QoS 1 at most");

        await Control("grant 2", "ok grant 2: subscriptions from now on are granted QoS 2 at most");
        await _rig.Host.ExpectAsync("AT+MQTTSUB=\"led3\",2", "OK");
        await _rig.Host.ExpectLinesAsync("+MQTTSUBACK: 2,2,\"led3\"");
    }

    [Test]
    public async Task Echo_and_reset_act_on_the_module_and_status_says_so()
    {
        await ConnectAsync();
        await Control("echo on", "ok echo on");
        await _rig.Host.ExpectAsync("AT", "AT", "OK");
        await Control("pings stop", "ok pings stop: PINGREQs go unanswered");
        await Control("status", "ok state 5 (Connected), echo on, broker accepting, pings stopped, acks passing, uplink free, grants QoS 2 at most");

        await Control("reset", "ok reset: power-on state (state 0, echo off)");
        await _rig.Host.ExpectAsync("AT+MQTTSTAT?", "+MQTTSTAT: 0", "OK");
        // Faults belong to the world around the module: a reset leaves them on.
        await Control("status", "ok state 0 (NotInitialised), echo off, broker accepting, pings stopped, acks passing, uplink free, grants QoS 2 at most");
        // The old connection's end says nothing: a module that restarted has no memory of it.
        _rig.Time.Advance(KeepAlive * 2);
        await _rig.Host.ExpectAsync("AT", "OK");
    }

    [Test]
    public async Task Help_lists_every_command()
    {
        await Control("help", "ok broker drop|refuse|restore, pings stop|resume, acks hold|release, uplink busy|free, grant 0|1|2, urc \"LINE\", echo on|off, reset, status, help");
        Assert.That(await _control.ExecuteAsync("   "), Is.Null, "a blank line is not a command");
        await Control("STATUS", "ok state 0 (NotInitialised), echo off, broker accepting, pings answered, acks passing, uplink free, grants QoS 2 at most");
    }

    [TestCase("foo bar", "error: unknown command 'foo' at column 1; try help")]
    [TestCase("broker", "error: 'broker' needs drop, refuse or restore after column 6")]
    [TestCase("broker  explode", "error: 'broker' takes drop, refuse or restore, not 'explode' at column 9")]
    [TestCase("pings stop now", "error: unexpected 'now' at column 12; 'pings stop' takes nothing more")]
    [TestCase("reset x", "error: 'reset' takes nothing, but 'x' is at column 7")]
    [TestCase("echo", "error: 'echo' needs on or off after column 4")]
    [TestCase("urc", "error: 'urc' needs the line to send after column 3, e.g. urc \"+MQTTDISC: OK\"")]
    [TestCase("urc \"+MQTTDISC: OK", "error: the quote at column 5 is not closed")]
    [TestCase("urc \"\"", "error: the line at column 5 is empty")]
    [TestCase("urc \"+MQTTDISC: OK\" extra", "error: unexpected 'extra' at column 21 after the quoted line")]
    [TestCase("urc +X:\u0007", "error: the line must not contain control characters")]
    public async Task A_bad_line_is_answered_with_what_is_wrong_and_where_and_changes_nothing(string line, string error)
    {
        await Control(line, error);
        await Control("status", "ok state 0 (NotInitialised), echo off, broker accepting, pings answered, acks passing, uplink free, grants QoS 2 at most");
        Assert.That(_rig.Host.HasNoPendingLine, Is.True, "nothing reached the AT port");
    }

    [Test]
    public async Task Broker_faults_on_a_module_without_the_fault_proxy_are_refused_with_a_reason()
    {
        await using var module = new VirtualModule();
        var control = new ControlCommands(module);

        Assert.That(await control.ExecuteAsync("pings stop"), Is.EqualTo("error: broker-side faults need a broker on this machine (the embedded one or a loopback --broker)"));
        Assert.That(await control.ExecuteAsync("status"), Is.EqualTo("ok state 0 (NotInitialised), echo off, broker remote (no broker faults), uplink free"));
        Assert.That(await control.ExecuteAsync("uplink busy"), Does.StartWith("ok"));
        Assert.That(await control.ExecuteAsync("grant 1"), Is.EqualTo("error: 'grant' needs the embedded broker: a --broker elsewhere grants what it grants"));
    }

    [Test]
    public async Task The_documented_answers_are_the_real_ones()
    {
        var docs = File.ReadAllLines(DocsFile("emulator.md"));
        var start = Array.IndexOf(docs, "## Control channel (`--control`)");
        var section = docs.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        // The rows of the errors table whose line is literal: | `line` | `answer` |
        var rows = section.Select(l => Regex.Match(l, "^\\| `([^`]+)` \\| `([^`]+)` \\|$")).Where(m => m.Success).ToList();
        Assert.That(rows, Has.Count.EqualTo(8));
        foreach (var row in rows)
            await Control(row.Groups[1].Value, row.Groups[2].Value);

        // Every command of help has a row: "broker drop|refuse|restore" is three, "urc \"LINE\"" is urc.
        var help = await _control.ExecuteAsync("help");
        foreach (var usage in help!["ok ".Length..].Split(", "))
        {
            var words = usage.Split(' ');
            var commands = words.Length == 2 && words[1].Contains('|') ? words[1].Split('|').Select(c => $"{words[0]} {c}") : [words[0]];
            foreach (var command in commands)
                Assert.That(section, Has.Some.StartsWith($"| `{command}"), $"docs/emulator.md has a row for '{command}'");
        }
    }

    private static string DocsFile(string name)
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "docs", name))) return Path.Combine(directory.FullName, "docs", name);
        throw new FileNotFoundException($"docs/{name} not found above {TestContext.CurrentContext.TestDirectory}");
    }
}
