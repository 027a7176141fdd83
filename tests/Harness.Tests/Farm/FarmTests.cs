using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Conformance.Harness.Dsl;
using Conformance.Harness.Links;
using Conformance.Harness.Reports;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Syntax;
using Conformance.Suites;
using Spectre.Console;

namespace Conformance.Harness.Tests.Farm;

/// <summary>A farm of modules run at once, as a release manager runs a rack: traces, one JUnit, the matrix.</summary>
public class FarmTests
{
    private const string FaultyScenario = "1.3 MQTTSTAT is 5 when connected, 2 after DISC, 0 after DEL";
    private string _out = "";

    [SetUp]
    public void SetUp() => _out = Directory.CreateTempSubdirectory("farm-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_out, recursive: true);

    private static IReadOnlyList<SelectedScenario> Stat() =>
        SuiteCatalog.FromAssembly(typeof(StatSuite).Assembly).Select(new SuiteParameters(), "Stat");

    private Running.Farm NewFarm(Func<FarmModule, IRunObserver?>? observer = null)
    {
        var secrets = new SecretMasker([new SuiteParameters().ApiKey]);
        return new Running.Farm(new FarmOptions(new RunOptions(), new LinkFactory(), secrets, _out, RealTime: false,
            time => new LinkSettings(time, secrets)), observer);
    }

    [Test]
    public async Task Modules_running_at_once_never_share_a_scenario_which_holds_the_packet_ids_it_captures()
    {
        var modules = FarmTargets.Name([(null, "emulator"), (null, "emulator"), (null, "emulator")]);
        var handedOut = new List<IReadOnlyList<SelectedScenario>>();
        IReadOnlyList<SelectedScenario> Select()
        {
            var scenarios = Qos2();
            lock (handedOut) handedOut.Add(scenarios);
            return scenarios;
        }

        var farm = await NewFarm().RunAsync(modules, Select);

        // Sharing showed as a PUBCOMP refused for another module's captured id; other timing is not this test's to judge.
        var messages = farm.Modules.SelectMany(m => m.Report!.Scenarios).Select(s => s.Message ?? "").ToList();
        Assert.That(messages, Has.None.Contains("(from +MQTTPUBREC)").And.None.Contains("(from +MQTTPUBLISH)"));
        Assert.That(farm.Modules.Select(m => m.Report!.Scenarios.Count), Is.All.EqualTo(Qos2().Count));
        var instances = handedOut.SelectMany(list => list.Select(s => s.Scenario)).ToList();
        Assert.That(instances, Is.Unique, "each module runs scenarios of its own");
        Assert.That(handedOut, Has.Count.GreaterThanOrEqualTo(modules.Count));
    }

    // QoS 2 publishes: PUBCOMP must carry the id captured from PUBREC.
    private static IReadOnlyList<SelectedScenario> Qos2() =>
        SuiteCatalog.FromAssembly(typeof(StatSuite).Assembly).Select(new SuiteParameters(), "Pub");

    [Test]
    public async Task Three_virtual_modules_one_a_mutant_give_one_junit_with_three_suites_and_the_fault_only_in_its_column()
    {
        var modules = FarmTargets.Name([(null, "emulator"), ("field", "emulator:field"), ("faulty", "mutant:stat-5-says-4")]);

        var farm = await NewFarm().RunAsync(modules, Stat);

        Assert.That(farm.AllPassed, Is.False);
        Assert.That(farm.Modules.Select(m => (m.Module.Name, m.Passed)),
            Is.EqualTo(new[] { ("emulator", true), ("field", true), ("faulty", false) }));
        Assert.That(modules.Select(m => File.Exists(Path.Combine(_out, m.Name + ".trace"))), Is.All.True, "a trace per module, named after it");
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_out, "faulty.trace")), Does.Contain("> AT+CGMR\\r\\n").And.Contain("+MQTTSTAT: 4"));

        var junit = FarmJUnitReport.Build(farm);
        var suites = junit.Root!.Elements("testsuite").ToList();
        Assert.That(suites.Select(s => (string?)s.Attribute("name")), Is.EqualTo(new[] { "emulator", "field", "faulty" }));
        Assert.That(suites.Select(s => (int)s.Attribute("failures")!), Is.EqualTo(new[] { 0, 0, 1 }));
        var revisions = suites.Select(s => Property(s, "firmware.revision")).ToList();
        Assert.That(revisions, Is.Unique, "each virtual module tells itself apart");
        Assert.That(revisions[2], Does.Contain("stat-5-says-4"));
        Assert.That(Property(suites[0], "firmware.identification"), Does.Contain("M5310-A"));
        Assert.That(suites[2].Descendants("failure").Single().Parent!.Attribute("name")!.Value, Is.EqualTo(FaultyScenario));

        // The HTML page: the one failed cell is the faulty module's, in the faulty scenario's row.
        using var html = new MemoryStream();
        MatrixHtmlReport.Write(farm, html);
        var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(html.ToArray()));
        var failed = page.QuerySelectorAll("#matrix td.failed");
        Assert.That(failed.Select(c => c.GetAttribute("data-module")), Is.EqualTo(new[] { "faulty" }));
        Assert.That(failed[0].ParentElement!.QuerySelector("th")!.TextContent, Is.EqualTo("§" + FaultyScenario));
        Assert.That(failed[0].GetAttribute("title"), Does.Contain("+MQTTSTAT: 4"));
        Assert.That(page.QuerySelectorAll("#matrix tr.revision td").Select(c => c.TextContent), Is.EqualTo(revisions));
        Assert.That(page.QuerySelectorAll("#matrix th.module-failed").Select(c => c.TextContent), Is.EqualTo(new[] { "faulty" }));

        // The console table: the same, read back by column.
        var table = ConsoleTable(farm);
        Assert.That(table.Where(row => row.Value.Contains("failed")).Select(row => row.Key),
            Is.EquivalentTo(new[] { ("§" + FaultyScenario, "faulty"), ("module", "faulty") }));
        Assert.That(table[("AT+CGMR", "field")], Is.EqualTo(revisions[1]));
    }

    [Test]
    public async Task A_module_that_does_not_say_what_it_is_shows_unknown_and_still_runs()
    {
        // A module of other make: answers ERROR to AT+CGMR and ATI.
        await using var server = new ModuleServer(() => new FakeModule(Dialect.Manual));
        var modules = FarmTargets.Name([("other", server.Target), (null, "emulator")]);

        var farm = await NewFarm().RunAsync(modules, Stat);

        var other = farm.Modules[0];
        Assert.That(other.Passed, Is.True, MatrixCell.Summary(other));
        Assert.That((other.Identity.RevisionText, other.Identity.IdentificationText), Is.EqualTo((FirmwareIdentity.Unknown, FirmwareIdentity.Unknown)));
        Assert.That(Property(FarmJUnitReport.Build(farm).Root!.Elements("testsuite").First(), "firmware.revision"), Is.EqualTo("unknown"));
        Assert.That(farm.Modules[1].Identity.Revision, Is.EqualTo("M5310-A virtual 1.0"));
    }

    [Test]
    public async Task An_unreachable_module_is_an_error_column_and_the_others_run_to_the_end()
    {
        var modules = FarmTargets.Name([(null, "emulator"), ("gone", "tcp:127.0.0.1:1"), (null, "mutant:stat-5-says-4")]);

        var farm = await NewFarm().RunAsync(modules, Stat);

        var gone = farm.Modules[1];
        Assert.That(gone.Error, Does.Contain("127.0.0.1:1"));
        Assert.That(farm.Modules[0].Passed, Is.True);
        Assert.That(farm.Modules[2].Report!.Scenarios, Has.Count.EqualTo(3), "the faulty module ran every scenario too");
        Assert.That(Enumerable.Range(0, 3).Select(i => MatrixCell.Of(gone, i).Verdict), Is.All.EqualTo(Verdict.Error));
        var suite = FarmJUnitReport.Build(farm).Root!.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "gone");
        Assert.That(suite.Descendants("error").Single().Attribute("message")!.Value, Does.Contain("127.0.0.1:1"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_out, "gone.trace")), Does.Contain("module not run:"), "the trace says why");
    }

    [Test]
    public async Task Cancelling_stops_every_module_and_each_keeps_its_trace_and_partial_report()
    {
        using var stop = new CancellationTokenSource();
        var modules = FarmTargets.Name([(null, "emulator"), (null, "emulator:field")]);
        // Ctrl-C once every module has finished its first scenario.
        var first = new CountdownEvent(modules.Count);

        var farm = await NewFarm(_ => new StopAfterFirst(first, stop)).RunAsync(modules, Stat, stop.Token);

        Assert.That(farm.AllPassed, Is.False);
        foreach (var module in farm.Modules)
        {
            Assert.That(module.Problem, Is.EqualTo(RunOptions.Interrupted), module.Module.Name);
            Assert.That(module.Report!.Scenarios.Select(s => s.Outcome), Is.EqualTo(new[] { Outcome.Passed, Outcome.NotRun, Outcome.NotRun }), module.Module.Name);
            Assert.That(await File.ReadAllTextAsync(module.TracePath!), Does.Contain("run aborted: " + RunOptions.Interrupted));
        }
        var suites = FarmJUnitReport.Build(farm).Root!.Elements("testsuite").ToList();
        Assert.That(suites.Select(s => (int)s.Attribute("errors")!), Is.EqualTo(new[] { 2, 2 }), "the scenarios not reached are in the partial report");
    }

    /// <summary>At its module's first finished scenario: the last module there stops the farm, the others wait for it.</summary>
    private sealed class StopAfterFirst(CountdownEvent first, CancellationTokenSource stop) : IRunObserver
    {
        private bool _seen;

        public void ScenarioStarted(string suite, string title) { }

        public void StepFinished(StepResult step) { }

        public void ScenarioFinished(ScenarioResult result)
        {
            if (_seen) return;
            _seen = true;
            if (first.Signal()) stop.Cancel();
            // A guard against a hang, not a timing: the other module is a few scenario steps away.
            stop.Token.WaitHandle.WaitOne(TimeSpan.FromMinutes(1));
        }
    }

    private static string? Property(XElement suite, string name) =>
        suite.Element("properties")!.Elements("property").Single(p => (string?)p.Attribute("name") == name).Attribute("value")!.Value;

    /// <summary>The Spectre table as plain text, cell by (row label, module name).</summary>
    private static Dictionary<(string Row, string Module), string> ConsoleTable(FarmReport farm)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 400;
        MatrixConsoleReport.Write(farm, console);
        var rows = writer.ToString().Split('\n').Where(l => l.StartsWith('│')).Select(l => l.Split('│')[1..^1].Select(c => c.Trim()).ToArray()).ToList();
        var header = rows[0];
        return rows.Skip(1).SelectMany(row => header.Skip(1).Select((module, i) => ((row[0], module), row[i + 1]))).ToDictionary(c => c.Item1, c => c.Item2);
    }
}
