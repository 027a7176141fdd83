using Conformance.Harness.Mutation;
using Conformance.Harness.Tests.Doubles;

namespace Conformance.Harness.Tests;

/// <summary>
/// Mutants of the module's MQTT side: its AT lines are right, the packet the broker gets is not what the command
/// asked. The scenario of the section each breaks kills it, and the module as it is passes that scenario.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class WireMutationTests
{
    public static IEnumerable<TestCaseData> WireMutants()
    {
        yield return Case("connect-keepalive-zero", "1.1 CONNECT carries CFG's client id, keepAlive and clean flag", "it sent CONNECT client id \"4069959\", user name \"75829\", password ***, clean session 0, keepAlive 0");
        yield return Case("connect-clean-session-forced", "1.1 CONNECT carries CFG's client id, keepAlive and clean flag", "clean session 1, keepAlive 60");
        yield return Case("connect-without-credentials", "1.2 open reports +MQTTOPEN: OK after OK", "user name none, password none");
        yield return Case("connect-will-dropped", "1.2 OPEN with a will topic and message connects", "keepAlive 60, no will");
        yield return Case("publish-retain-dropped", "1.5 a retained publish goes out with retain 1", "it sent PUBLISH \"dev/gsm/u/retained\" QoS 1 retain 0 dup 0, message \"kept\" (4 bytes)");
        yield return Case("publish-last-byte-changed", "1.5 QoS 1 publish is acknowledged by +MQTTPUBACK", "message \"qos ond\"");
        yield return Case("publish-qos-1-sent-as-2", "1.5 QoS 1 publish is acknowledged by +MQTTPUBACK", "got only '+MQTTPUBREC:");
        yield return Case("subscribe-qos-0", "1.4 subscribe is acknowledged with the granted QoS", "got only '+MQTTSUBACK: 1,0,\"dev/gsm/u\"'");
        yield return Case("dp-header-dropped", "3.3.3 the manual's $dp upload is shown on the platform", "it shows no data points");
    }

    private static TestCaseData Case(string mutant, string title, string message) =>
        new TestCaseData(mutant, title, message).SetName($"{mutant} is killed by §{title}");

    [TestCaseSource(nameof(WireMutants))]
    public async Task A_wire_mutant_is_killed_by_the_scenario_of_its_section_which_the_module_as_it_is_passes(string name, string title, string message)
    {
        var mutant = MutantCatalog.All.Single(m => m.Name == name);

        var report = await MutationTests.RunAsync([mutant], () => HarnessRun.Select(title: title), strict: false);

        Assert.That(mutant.Side, Is.EqualTo("MQTT"));
        Assert.That(report.NotJudged, Is.Empty, "the module as it is passes the scenario");
        var result = report.Mutants.Single();
        Assert.That(result.Killed, Is.True, result.Verdict(false));
        Assert.That(result.Kills.Single().Message, Does.Contain(message));
        Assert.That(result.Kills.Single().Message, Does.Not.Contain(HarnessRun.Parameters.ApiKey), "a CONNECT is shown without its password");
        Assert.That(report.Passed, Is.True);
    }

    [Test]
    public async Task Without_its_wire_check_a_scenario_lets_a_wire_mutant_through()
    {
        // The QoS 0 publish scenario reads only AT lines: the retain flag the broker got is invisible to it.
        var report = await MutationTests.RunAsync([MutantCatalog.All.Single(m => m.Name == "publish-retain-dropped")],
            () => HarnessRun.Select(title: "1.5 QoS 0 publish is answered OK and nothing else"), strict: false);

        Assert.That(report.Mutants.Single().Killed, Is.False);
        Assert.That(report.Mutants.Single().Verdict(false), Is.EqualTo("survived: no scenario checks §1.5 for this"));
    }

    [Test]
    public void Every_mutant_changes_one_side_of_the_module()
    {
        Assert.That(MutantCatalog.All.Where(m => (m.NewFilter is null) == (m.RewritePacket is null)).Select(m => m.Name), Is.Empty);
        Assert.That(MutantCatalog.All.Count(m => m.Side == "MQTT"), Is.GreaterThanOrEqualTo(8));
    }
}
