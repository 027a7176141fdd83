using System.Text.Json;
using System.Xml.Linq;

namespace Conformance.Cli.Tests;

/// <summary><c>conformance mutate</c> run as a CI job would: exit code, kill matrix, JUnit and JSON files.</summary>
public sealed class MutateCommandTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "mutate-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task The_power_on_section_kills_its_semantic_mutants_spares_the_format_one_and_exits_0()
    {
        var json = Path.Combine(_folder, "out", "mutants.json");
        var junit = Path.Combine(_folder, "out", "mutants.xml");

        var result = await ConformanceProcess.RunAsync(null, "mutate", "--section", "4.1", "--json", json, "--junit", junit);

        Assert.That(result.ExitCode, Is.Zero, result.StandardOutput + result.StandardError);
        Assert.That(result.StandardOutput, Does.Contain("cgatt-detached     §4.1   semantic ..X")
            .And.Contain("cgatt-no-space     §4.1   format   ...")
            .And.Contain("csq-after-ok       §4.1   semantic .X.")
            .And.Contain("3 4.1 registered and attached")
            .And.Contain("Score: 100.0 %: 5/5 semantic mutants killed, 0/1 format-only mutants killed")
            .And.Contain("PASS: every mutant that must die is killed, and no format-only mutant is"));

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = document.RootElement;
        Assert.That(root.GetProperty("passed").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("scenarios").GetArrayLength(), Is.EqualTo(3));
        var cgatt = root.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "cgatt-detached");
        Assert.That(cgatt.GetProperty("kind").GetString(), Is.EqualTo("semantic"));
        Assert.That(cgatt.GetProperty("killedBy")[0].GetProperty("message").GetString(), Does.Contain("got '+CGATT: 0'"));

        var suite = XDocument.Load(junit).Root!;
        Assert.That(suite.Attribute("tests")!.Value, Is.EqualTo("6"));
        Assert.That(suite.Attribute("failures")!.Value, Is.EqualTo("0"));
    }

    [Test]
    public async Task A_report_file_that_cannot_be_written_exits_2_naming_it_after_the_matrix_is_shown()
    {
        var result = await ConformanceProcess.RunAsync(null, "mutate", "--section", "4.1", "--junit", "/dev/full");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.StandardError);
        Assert.That(result.StandardError, Does.StartWith("conformance: cannot write the report:").And.Contain("/dev/full").And.Contain("No space left"));
        Assert.That(result.StandardError.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one clear line, no stack trace");
        Assert.That(result.StandardOutput, Does.Contain("Score:"), "the kill matrix is still shown");
    }

    [Test]
    public async Task Under_strict_the_format_only_mutant_must_die_and_does()
    {
        var json = Path.Combine(_folder, "strict.json");

        var result = await ConformanceProcess.RunAsync(null, "mutate", "--section", "4.1", "--mutant", "cgatt-no-space", "--strict", "--json", json);

        Assert.That(result.ExitCode, Is.Zero, result.StandardOutput + result.StandardError);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var only = document.RootElement.GetProperty("results").EnumerateArray().Single();
        Assert.That(only.GetProperty("killed").GetBoolean(), Is.True);
        Assert.That(only.GetProperty("killedBy")[0].GetProperty("message").GetString(), Does.Contain("no-space-after-colon"));
    }

    [Test]
    public async Task The_default_suites_kill_every_semantic_mutant_of_the_catalogue_and_no_format_only_one()
    {
        var json = Path.Combine(_folder, "all.json");

        // Two runs at a time: on a loaded two-core machine more would starve the module's broker of CPU. 103 mutants
        // times 63 scenarios take about four minutes on a loaded machine.
        var result = await ConformanceProcess.RunAsync(TimeSpan.FromMinutes(8), "mutate", "--parallel", "2", "--json", json);

        Assert.That(result.ExitCode, Is.Zero, result.StandardOutput + result.StandardError);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var results = document.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (Name: r.GetProperty("name").GetString(), Kind: r.GetProperty("kind").GetString(), Killed: r.GetProperty("killed").GetBoolean()))
            .ToList();
        Assert.That(results, Has.Count.GreaterThanOrEqualTo(25));
        Assert.That(results.Where(r => r.Kind == "semantic" && !r.Killed).Select(r => r.Name), Is.Empty, "semantic mutants that survive");
        Assert.That(results.Where(r => r.Kind != "semantic" && r.Killed).Select(r => r.Name), Is.Empty, "format-only mutants killed without --strict");
    }

    [Test]
    public async Task The_open_section_kills_the_mutants_of_the_connect_packet_by_what_the_broker_got()
    {
        var kills = await KillsOfAWireMutantAsync("1.2", "connect-without-credentials");

        Assert.That(kills.Keys, Is.EqualTo(new[] { "1.2 open reports +MQTTOPEN: OK after OK" }));
        Assert.That(kills.Values.Single(), Does.Contain("it sent CONNECT client id \"4069959\", user name none, password none"));
    }

    [Test]
    public async Task The_unsubscribe_section_kills_a_changed_unsubscribe_filter_by_what_the_broker_got_and_by_what_still_arrives()
    {
        var kills = await KillsOfAWireMutantAsync("1.6", "unsubscribe-topic-changed");

        Assert.That(kills["1.6 unsubscribe is acknowledged by +MQTTUNSUBACK"], Does.Contain("it sent UNSUBSCRIBE \"dev/gsm/\""));
        // The broker still holds the subscription the module meant to end.
        Assert.That(kills["1.6 no publishes arrive after unsubscribing"], Does.Contain("unexpected URC '+MQTTPUBLISH:").And.Contain("after unsubscribe"));
    }

    [Test]
    public async Task The_publish_section_kills_a_QoS_0_publish_sent_at_QoS_1_by_the_QoS_on_the_wire()
    {
        var kills = await KillsOfAWireMutantAsync("1.5", "publish-qos-0-sent-as-1");

        // Only the QoS 0 scenario publishes at 0; its AT lines (OK, nothing else) are all right.
        Assert.That(kills.Keys, Is.EqualTo(new[] { "1.5 QoS 0 publish is answered OK and nothing else" }));
        Assert.That(kills.Values.Single(), Does.Contain("asked: QoS 1 instead of 0; it sent PUBLISH \"dev/gsm/u\" QoS 1"));
    }

    /// <summary>Runs <c>mutate</c> on <paramref name="section"/> with the one MQTT-side <paramref name="mutant"/>, which must die: the killing scenarios and their messages.</summary>
    private async Task<Dictionary<string, string>> KillsOfAWireMutantAsync(string section, string mutant)
    {
        var json = Path.Combine(_folder, mutant + ".json");

        var result = await ConformanceProcess.RunAsync(null, "mutate", "--section", section, "--mutant", mutant, "--json", json);

        Assert.That(result.ExitCode, Is.Zero, result.StandardOutput + result.StandardError);
        Assert.That(result.StandardOutput, Does.Contain("Score: 100.0 %: 1/1 semantic mutants killed").And.Contain("PASS: every mutant that must die is killed"));
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var only = document.RootElement.GetProperty("results").EnumerateArray().Single();
        Assert.That(only.GetProperty("side").GetString(), Is.EqualTo("MQTT"));
        return only.GetProperty("killedBy").EnumerateArray()
            .ToDictionary(k => k.GetProperty("scenario").GetString()!, k => k.GetProperty("message").GetString()!);
    }

    [TestCase("--section", "9.9", "no scenario checks section 9.9")]
    [TestCase("--mutant", "drop-everything", "no mutant named 'drop-everything'")]
    [TestCase("--suite", "Nope", "no suite named 'Nope'")]
    [TestCase("--parallel", "0", "--parallel 0: expected 1 or more")]
    public async Task A_selection_that_matches_nothing_is_a_usage_error(string option, string value, string message)
    {
        var result = await ConformanceProcess.RunAsync(null, "mutate", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain(message));
    }

    [Test]
    public async Task List_names_every_mutant_with_its_section_and_kind()
    {
        var result = await ConformanceProcess.RunAsync(null, "mutate", "--list");

        Assert.That(result.ExitCode, Is.Zero);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.GreaterThanOrEqualTo(25));
        Assert.That(lines, Has.Some.Match(@"^swap-pubrec-pubcomp\s+§1\.5\s+semantic\s+AT\s+\+MQTTPUBCOMP comes before its \+MQTTPUBREC"));
        Assert.That(lines, Has.Some.Match(@"^stat-no-space\s+§1\.3\s+format\s+AT\s+"));
        Assert.That(lines, Has.Some.Match(@"^connect-will-dropped\s+§1\.2\s+semantic\s+MQTT\s+CONNECT carries no will although AT\+MQTTOPEN set one"));
        Assert.That(lines, Has.Some.Match(@"^publish-qos-2-sent-as-1\s+§1\.5\s+semantic\s+MQTT\s+PUBLISH goes out at QoS 1 although AT\+MQTTPUB asked 2"));
        Assert.That(lines, Has.Some.Match(@"^connect-client-id-changed\s+§1\.1\s+semantic\s+MQTT\s+CONNECT carries another client id than AT\+MQTTCFG's id"));
        Assert.That(lines, Has.Some.Match(@"^dp-header-dropped\s+§3\.3\.3\s+semantic\s+MQTT\s+a \$dp PUBLISH goes out without its type and length header"));
    }
}
