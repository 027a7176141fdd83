using System.Text.Json;
using System.Text.RegularExpressions;

namespace Conformance.Cli.Tests.Docs;

/// <summary>
/// The schema of docs/analyzer-json.md names exactly the fields <c>analyze --json</c> writes, at every level, so a
/// script written from the docs finds what it reads.
/// </summary>
public sealed partial class AnalyzerJsonSchemaTests
{
    [GeneratedRegex(@"^```jsonc\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Schema();

    /// <summary>Every field as a path (<c>exchanges[].latencyMs</c>), over every element of every list.</summary>
    private static SortedSet<string> Fields(JsonElement element, string path = "")
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                fields.Add(name);
                fields.UnionWith(Fields(property.Value, name));
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) fields.UnionWith(Fields(item, path + "[]"));
        }
        return fields;
    }

    [Test]
    public async Task The_documented_schema_has_every_field_analyze_writes_and_no_other()
    {
        var doc = File.ReadAllText(Documentation.Path("analyzer-json.md")).ReplaceLineEndings("\n");
        var schema = JsonDocument.Parse(Schema().Match(doc).Groups["body"].Value,
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        var log = Path.Combine(Directory.CreateTempSubdirectory("analyzer-json-").FullName, "gateway.log");
        await File.WriteAllTextAsync(log, GatewayLog);
        var run = await ConformanceProcess.RunAsync(null, "analyze", log, "--json", "-");
        Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        using var written = JsonDocument.Parse(run.StandardOutput);

        foreach (var list in new[] { "exchanges", "urcs", "diagnostics", "stateChanges", "reconnections", "dataPoints" })
            Assert.That(written.RootElement.GetProperty(list).GetArrayLength(), Is.GreaterThan(0), $"the log gives {list} to compare");
        Assert.That(Fields(schema.RootElement), Is.EqualTo(Fields(written.RootElement)));
    }

    // A gateway's logger: a QoS 1 subscription, a $dp upload, an error, and a connection lost for good.
    private const string GatewayLog = """
        2026-03-02 14:20:00,100 - modem - DEBUG - AT+MQTTCFG="183.230.40.39",6002,"40213547",120,"168649","s3cr3tkey",1
        2026-03-02 14:20:00,150 - modem - DEBUG - OK
        2026-03-02 14:20:00,200 - modem - DEBUG - AT+MQTTOPEN=1,1,0,0,0,"",""
        2026-03-02 14:20:00,420 - modem - DEBUG - OK
        2026-03-02 14:20:01,800 - modem - DEBUG - +MQTTOPEN: OK
        2026-03-02 14:20:02,000 - modem - DEBUG - AT+MQTTSUB="led2",1
        2026-03-02 14:20:02,090 - modem - DEBUG - OK
        2026-03-02 14:20:02,300 - modem - DEBUG - +MQTTSUBACK: 1,1,"led2"
        2026-03-02 14:20:03,000 - modem - DEBUG - AT+MQTTPUB="$dp",1,0,0,25,0300167B2274656D70223A32352E352C2268756D223A36317D
        2026-03-02 14:20:03,110 - modem - DEBUG - OK
        2026-03-02 14:20:03,400 - modem - DEBUG - +MQTTPUBACK: 2,1
        2026-03-02 14:20:04,000 - modem - DEBUG - AT+MQTTSUB="led3",3
        2026-03-02 14:20:04,030 - modem - DEBUG - +CME ERROR: 601
        2026-03-02 14:21:00,000 - modem - DEBUG - +MQTTTO: 5
        2026-03-02 14:22:00,000 - modem - DEBUG - +MQTTREC: 0
        2026-03-02 14:22:05,000 - modem - DEBUG - +MQTTREC: 1
        2026-03-02 14:22:10,000 - modem - DEBUG - +MQTTREC: 2
        2026-03-02 14:22:15,000 - modem - DEBUG - +MQTTDISC: OK
        2026-03-02 14:22:20,000 - modem - DEBUG - AT+MQTTSTAT?
        2026-03-02 14:22:20,040 - modem - DEBUG - +MQTTSTAT: 2
        2026-03-02 14:22:20,041 - modem - DEBUG - OK

        """;
}
