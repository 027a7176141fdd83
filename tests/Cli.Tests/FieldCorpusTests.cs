using System.Text.Json;

namespace Conformance.Cli.Tests;

/// <summary>
/// The field corpus (traces/field): logs written by hand in the shapes customers send, each with an expectation
/// written from reading the log. Every log is analysed into every output; the counts, the warn and error
/// diagnostics and the format must be as expected, and the planted credentials must appear in no output.
/// </summary>
public class FieldCorpusTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static string Corpus => Path.Combine(AppContext.BaseDirectory, "traces", "field");

    // Explains: texts the diagnostics must hold, where the log's codes are another family's (what +QMTOPEN: 0,3 means).
    private sealed record Expectation(string About, string Module, string Format, long Commands, long Answered, long Unanswered, long Urcs,
        Dictionary<string, int> Problems, string[] Secrets, string[]? Explains = null);

    public static IEnumerable<TestCaseData> Logs() =>
        Directory.GetFiles(Corpus, "*.expected.json").Order(StringComparer.Ordinal)
            .Select(expected => new TestCaseData(Path.GetFileName(expected)[..^".expected.json".Length]).SetName(Path.GetFileName(expected)[..^".expected.json".Length]));

    [Test]
    public void The_corpus_has_at_least_twenty_logs_each_with_an_expectation()
    {
        var logs = Directory.GetFiles(Corpus).Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).ToList();

        Assert.That(logs, Has.Count.GreaterThanOrEqualTo(20));
        Assert.That(logs.Where(log => !File.Exists(log + ".expected.json")), Is.Empty);
    }

    [TestCaseSource(nameof(Logs))]
    public async Task A_field_log_is_read_as_expected_and_leaks_no_credential(string name)
    {
        var log = Path.Combine(Corpus, name);
        var expected = JsonSerializer.Deserialize<Expectation>(await File.ReadAllTextAsync(log + ".expected.json"), Web)!;
        var outputs = Directory.CreateTempSubdirectory("field-").FullName;
        try
        {
            var (json, csv, html) = (Path.Combine(outputs, "analysis.json"), Path.Combine(outputs, "csv"), Path.Combine(outputs, "report.html"));
            var analyze = await ConformanceProcess.RunAsync(null, "analyze", log, "--json", json, "--csv", csv, "--html", html);
            var frames = await ConformanceProcess.RunAsync(null, "frames", log);

            var mismatches = new List<string>();
            if (analyze.ExitCode != 0) mismatches.Add($"exit code {analyze.ExitCode}: {analyze.StandardError.Trim()}");
            if (!analyze.StandardError.Contains($" as {expected.Format} (", StringComparison.Ordinal)) mismatches.Add($"format: expected {expected.Format}, {analyze.StandardError.Trim()}");
            if (File.Exists(json)) Compare(expected, JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement, mismatches);

            var texts = new Dictionary<string, string>
            {
                ["console"] = analyze.StandardOutput + analyze.StandardError,
                ["frames"] = frames.StandardOutput + frames.StandardError,
            };
            foreach (var file in Directory.GetFiles(outputs, "*", SearchOption.AllDirectories))
                texts[Path.GetRelativePath(outputs, file)] = await File.ReadAllTextAsync(file);
            // A UTF-16 log shown byte by byte has NULs between the letters: they do not hide a credential.
            foreach (var secret in expected.Secrets)
                foreach (var (output, text) in texts)
                    if (text.Replace("\\u0000", "", StringComparison.Ordinal).Replace("\0", "", StringComparison.Ordinal).Contains(secret, StringComparison.Ordinal))
                        mismatches.Add($"credential {secret} in {output}");

            Assert.That(mismatches, Is.Empty, $"{name} ({expected.About}):\n  " + string.Join("\n  ", mismatches));
        }
        finally
        {
            Directory.Delete(outputs, recursive: true);
        }
    }

    private static void Compare(Expectation expected, JsonElement analysis, List<string> mismatches)
    {
        var summary = analysis.GetProperty("summary");
        long Count(string name) => summary.GetProperty(name).GetInt64();
        void Check(string what, long want, long got)
        {
            if (want != got) mismatches.Add($"{what}: expected {want}, got {got}");
        }
        Check("commands", expected.Commands, Count("commands"));
        Check("answered", expected.Answered, Count("ok") + Count("errors"));
        Check("unanswered", expected.Unanswered, Count("unanswered"));
        Check("URCs", expected.Urcs, Count("urcs"));
        var problems = analysis.GetProperty("statistics").GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("severity").GetString() != "note")
            .ToDictionary(d => d.GetProperty("code").GetString()!, d => d.GetProperty("count").GetInt32());
        foreach (var code in expected.Problems.Keys.Union(problems.Keys).Order(StringComparer.Ordinal))
            Check($"{code} diagnostics", expected.Problems.GetValueOrDefault(code), problems.GetValueOrDefault(code));
        var messages = analysis.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString()!).ToList();
        foreach (var explained in expected.Explains ?? [])
            if (!messages.Any(m => m.Contains(explained, StringComparison.Ordinal))) mismatches.Add($"no diagnostic explains: {explained}");
    }
}
