using System.Diagnostics;
using System.Xml.Linq;
using Conformance.Harness.Tests.Doubles;

namespace Conformance.Harness.Tests.FieldMutants;

/// <summary>
/// <c>conformance run</c> against the scripted module on a real pseudo-terminal, as a release check uses it: the exit
/// code, the console, the JUnit report and the trace agree on what the firmware did, also for a run killed mid-way.
/// </summary>
[Platform("Linux")]
public class RunOutputTests
{
    private string _out = "";

    [SetUp]
    public void SetUp() => _out = Directory.CreateTempSubdirectory("field-run-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_out, recursive: true);

    private string Junit => Path.Combine(_out, "junit.xml");

    private string Trace => Path.Combine(_out, "run.trace");

    [Test]
    public async Task A_faithful_module_exits_0_with_every_scenario_passed_in_the_report_and_the_exchange_in_the_trace()
    {
        await using var pty = await SocatPair.StartAsync(new ScriptedModule());

        var (exit, stdout, stderr) = await ConformanceProcess.RunAsync("run", "--target", $"serial:{pty.HostPath}", "--suite", "Stat", "--out", _out);

        Assert.That(exit, Is.EqualTo(0), stdout + stderr);
        var cases = XDocument.Load(Junit).Descendants("testcase").ToList();
        Assert.That(cases, Has.Count.EqualTo(3));
        Assert.That(cases.SelectMany(c => c.Elements()).Select(e => e.Name.LocalName), Has.None.EqualTo("failure").And.None.EqualTo("error"));
        var trace = await File.ReadAllTextAsync(Trace);
        Assert.That(trace, Does.Contain("AT+MQTTSTAT?").And.Contain("+MQTTSTAT: 5").And.Contain("* run finished"));
    }

    [Test]
    public async Task A_second_OK_exits_1_and_console_report_and_trace_name_the_command_it_followed()
    {
        await using var pty = await SocatPair.StartAsync(new ScriptedModule(FieldFirmware.OkTwice));

        var (exit, stdout, stderr) = await ConformanceProcess.RunAsync("run", "--target", $"serial:{pty.HostPath}", "--suite", "Stat", "--out", _out);

        Assert.That(exit, Is.EqualTo(1), stdout + stderr);
        const string says = "error §1.3 final-without-command: 'OK' arrived while no command was pending (the last command, AT+MQTTSTAT?";
        Assert.That(stdout, Does.Contain(says));
        var failures = XDocument.Load(Junit).Descendants("failure").Select(f => f.Attribute("message")!.Value).ToList();
        Assert.That(failures, Has.Count.EqualTo(3).And.All.Contains(says));
        var line = int.Parse(System.Text.RegularExpressions.Regex.Match(failures[0], @"\(trace line (\d+)\)$").Groups[1].Value);
        var lines = await File.ReadAllLinesAsync(Trace);
        Assert.That(lines[line - 1], Does.EndWith(@" < OK\r\n"), "the trace line the report names holds the second OK");
        Assert.That(lines[(line - 3)..(line - 1)], Has.Some.Contains(@" < OK\r\n"), "right after the first");
    }

    [Test]
    public async Task Noise_between_lines_passes_with_a_note_in_the_report_and_fails_strict()
    {
        await using var pty = await SocatPair.StartAsync(new ScriptedModule(FieldFirmware.Garbage));

        var (exit, stdout, stderr) = await ConformanceProcess.RunAsync("run", "--target", $"serial:{pty.HostPath}", "--suite", "Stat", "--section", "1.3", "--out", _out);
        Assert.That(exit, Is.EqualTo(0), stdout + stderr);
        Assert.That(XDocument.Load(Junit).Descendants("system-out").Select(o => o.Value), Has.Some.Contains("finding note §1.11 noise: 3 byte(s) that form no line (first 0x00)"));

        var (strict, strictOut, strictErr) = await ConformanceProcess.RunAsync("run", "--target", $"serial:{pty.HostPath}", "--suite", "Stat", "--strict", "--out", _out);
        Assert.That(strict, Is.EqualTo(1), strictOut + strictErr);
        Assert.That(XDocument.Load(Junit).Descendants("failure").Select(f => f.Attribute("message")!.Value), Has.All.StartWith("strict: 1 finding(s), first note §1.11 noise"));
    }

    [Test]
    public async Task Lines_ended_by_LF_alone_pass_with_a_note_naming_the_first_and_the_count_and_fail_strict()
    {
        await using var pty = await SocatPair.StartAsync(new ScriptedModule(FieldFirmware.LfOnly));

        var (exit, stdout, stderr) = await ConformanceProcess.RunAsync("run", "--target", $"serial:{pty.HostPath}", "--suite", "Stat", "--section", "1.3", "--out", _out);
        Assert.That(exit, Is.EqualTo(0), stdout + stderr);
        const string says = "note §1.11 line-end: the module's lines end in LF alone (";
        var notes = XDocument.Load(Junit).Descendants("system-out").Select(o => o.Value).ToList();
        Assert.That(notes, Has.Some.Contains("finding " + says), string.Join("\n", notes));
        var line = int.Parse(System.Text.RegularExpressions.Regex.Match(string.Join("\n", notes), @"the first \(LF alone\) ends the trace line named \(trace line (\d+)\)").Groups[1].Value);
        Assert.That((await File.ReadAllLinesAsync(Trace))[line - 1], Does.EndWith(@"\n").And.Not.EndWith(@"\r\n"), "the trace line named ends in LF alone");

        var (strict, strictOut, strictErr) = await ConformanceProcess.RunAsync("run", "--target", $"serial:{pty.HostPath}", "--suite", "Stat", "--section", "1.3", "--strict", "--out", _out);
        Assert.That(strict, Is.EqualTo(1), strictOut + strictErr);
        Assert.That(XDocument.Load(Junit).Descendants("failure").Select(f => f.Attribute("message")!.Value), Has.All.StartWith("strict: 1 finding(s), first " + says));
        TestContext.Out.WriteLine(strictOut);
    }

    [Test]
    public async Task A_port_that_does_not_exist_exits_2_saying_which()
    {
        var (exit, stdout, stderr) = await ConformanceProcess.RunAsync("run", "--target", $"serial:{Path.Combine(_out, "no-such-port")}", "--suite", "Stat", "--out", _out);

        Assert.That(exit, Is.EqualTo(2), stdout + stderr);
        Assert.That(stderr, Does.Contain("no-such-port"));
        Assert.That(File.Exists(Junit), Is.False, "no report of a run that never started");
    }

    [Test]
    public async Task A_run_killed_mid_way_leaves_its_trace_and_a_partial_report()
    {
        // Every publish scenario waits a quiet second on the system clock: the run lasts long enough to be killed in it.
        await using var pty = await SocatPair.StartAsync(new ScriptedModule());
        using (var run = ConformanceProcess.Start("run", "--target", $"serial:{pty.HostPath}", "--suite", "Pub", "--out", _out))
        {
            try
            {
                var clock = Stopwatch.StartNew();
                while (!(File.Exists(Trace) && File.ReadAllText(Trace).Split("* scenario ").Length > 3))
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(40) || run.HasExited) Assert.Fail("the run never showed its third scenario in its trace");
                    await Task.Delay(50);
                }
            }
            finally
            {
                run.Kill();
                await run.WaitForExitAsync();
            }
        }

        var cases = XDocument.Load(Junit).Descendants("testcase").ToList();
        Assert.That(cases, Has.Count.EqualTo(9), "every scenario selected is in the partial report");
        Assert.That(cases.Take(2).Select(c => c.Element("failure") ?? c.Element("error")), Is.All.Null, "the scenarios finished before the kill passed");
        Assert.That(cases[^1].Element("error")?.Attribute("message")?.Value, Does.Contain("not run: the run did not finish"));
        var trace = await File.ReadAllTextAsync(Trace);
        Assert.That(trace, Does.Contain("AT+MQTTPUB=").And.Not.Contain("* run finished"));
    }
}
