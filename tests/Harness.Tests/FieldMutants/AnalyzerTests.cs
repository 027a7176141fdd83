using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;
using Conformance.Harness.Tests.Doubles;

namespace Conformance.Harness.Tests.FieldMutants;

/// <summary>
/// The trace of a run against the scripted module, read back as a customer's log: the analyzer finds in it what the
/// harness failed, and nothing in a faithful module's but the refusals the suite asked for.
/// </summary>
public class AnalyzerTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(FieldMutant mutant, string suite, string code, string says) => new TestCaseData(mutant, suite, code, says).SetName($"{{m}}: {mutant.Name}");
        yield return Case(FieldFirmware.LowercaseOk, "Stat", "no-final-result", "AT+MQTTSTAT? got no final result");
        yield return Case(FieldFirmware.OkTwice, "Stat", "final-without-command", "OK arrived while no command was waiting");
        yield return Case(FieldFirmware.LateAnswer, "Stat", "no-final-result", "AT+MQTTSTAT? got no final result");
        yield return Case(FieldFirmware.RebootOnSub, "Sub", "module-restarted", "REBOOT_CAUSE_SECURITY_RESET_PIN");
        yield return Case(FieldFirmware.PubAckNeverSent, "Pub", "unexpected-urc", "+MQTTPUBACK: 77,1 answers nothing");
        yield return Case(FieldFirmware.PublishMissingComma, "Pub", "unreadable-line", "'+MQTTPUBLISH: 0,1,0,5,\"dev/gsm/u\"3'");
        yield return Case(FieldFirmware.PublishExtraSpace, "Pub", "format-deviation", "qos in '+MQTTPUBLISH' has spaces around it");
        yield return Case(FieldFirmware.Garbage, "Stat", "noise", "byte(s) that form no line (first 0x00)");
        yield return Case(FieldFirmware.LfOnly, "Stat", "line-end", "the module's lines end in LF alone (");
        yield return Case(FieldFirmware.CrOnly, "Stat", "line-end", "the module's lines end in CR alone (");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task The_analyzer_finds_in_the_trace_what_the_firmware_did(FieldMutant mutant, string suite, string code, string says)
    {
        var diagnostics = await AnalyzeRunAsync(new ScriptedModule(mutant), suite);

        Assert.That(diagnostics.Where(d => d.Code == code).Select(d => d.Message), Has.Some.Contains(says),
            string.Join("\n", diagnostics.Select(d => $"{d.Code}: {d.Message}")));
    }

    [Test]
    public async Task A_faithful_module_s_trace_shows_only_the_refusals_the_suite_asked_for()
    {
        // The reset before each scenario disconnects whatever is there: without a connection that is +CME ERROR: 3.
        var diagnostics = await AnalyzeRunAsync(new ScriptedModule(), "Stat");

        Assert.That(diagnostics.Select(d => $"{d.Code}: {d.Message}"), Has.All.StartWith("cme-error: AT+MQTTDISC failed: +CME ERROR: 3"));
    }

    private static async Task<IReadOnlyList<Conformance.Analyzer.Diagnostics.Diagnostic>> AnalyzeRunAsync(ScriptedModule module, string suite)
    {
        var (_, trace) = await HarnessRun.RunAsync(module, HarnessRun.Select(suite));
        var path = Path.Combine(Directory.CreateTempSubdirectory("field-trace-").FullName, "run.trace");
        try
        {
            await File.WriteAllTextAsync(path, trace);
            return TimelineBuilder.Analyze(LogSource.Open(path)).Diagnostics;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
