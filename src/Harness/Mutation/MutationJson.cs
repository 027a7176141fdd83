using System.Text.Encodings.Web;
using System.Text.Json;

namespace Conformance.Harness.Mutation;

/// <summary>The mutation run as JSON: the score, the scenarios, and per mutant its kind, section, verdict and killers.</summary>
public static class MutationJson
{
    public static void Write(MutationReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteBoolean("passed", report.Passed);
        json.WriteBoolean("strict", report.Strict);
        json.WriteNumber("score", Math.Round(report.Score, 4));
        json.WriteNumber("mutants", report.Mutants.Count);
        json.WriteNumber("killed", report.KilledCount);
        json.WriteNumber("seconds", Math.Round(report.Duration.TotalSeconds, 3));
        json.WriteStartArray("scenarios");
        foreach (var scenario in report.Scenarios)
        {
            json.WriteStartObject();
            json.WriteString("suite", scenario.Suite);
            json.WriteString("section", scenario.Section);
            json.WriteString("title", scenario.Title);
            json.WriteBoolean("judged", !report.NotJudged.Contains(scenario));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("results");
        foreach (var result in report.Mutants)
        {
            json.WriteStartObject();
            json.WriteString("name", result.Mutant.Name);
            json.WriteString("description", result.Mutant.Description);
            json.WriteString("section", result.Mutant.Section);
            json.WriteString("kind", result.Mutant.Kind == MutantKind.Semantic ? "semantic" : "format-only");
            json.WriteString("side", result.Mutant.Side);
            json.WriteBoolean("killed", result.Killed);
            json.WriteBoolean("asExpected", result.AsExpected(report.Strict));
            json.WriteString("verdict", result.Verdict(report.Strict));
            json.WriteStartArray("killedBy");
            foreach (var kill in result.Kills)
            {
                json.WriteStartObject();
                json.WriteString("scenario", kill.Title);
                json.WriteString("message", kill.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void Write(MutationReport report, string path)
    {
        using var file = File.Create(path);
        Write(report, file);
    }
}
