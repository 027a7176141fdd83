using System.Text;
using Conformance.Protocol.Responses;
using Snapshooter.NUnit;

namespace Conformance.Protocol.Tests.Responses;

/// <summary>Every line the manual shows the module sending ([#Recv]) parses to the value the manual means.</summary>
public class ManualExampleTests
{
    private static readonly string[] UrcLines =
    [
        "+MQTTOPEN: OK",          // §1.2
        "+MQTTSUBACK: 5,2",       // §1.4
        "+MQTTPUBREC: 0,10",      // §1.5
        "+MQTTPUBCOMP: 0,10",
        "+MQTTPUBREL: 0,6",
        "+MQTTPUBREC:2,0",        // §1.5, fields the other way round
        "+MQTTPUBCOMP:3,0",
        "+MQTTUNSUBACK: 8",       // §1.6
        "+MQTTDISC: OK",          // §1.7
        "+MQTTPINGRSP: OK",       // §1.10
        "+MQTTPUBREC: 0,14",      // §1.11
        "+MQTTPUBCOMP: 0,14",
        "+MQTTPUBREL: 0,9",
        "+MQTTPINGRESP:OK",       // §3.3.5
        "+MQTTTO:5",
        "+MQTTREC:0",
        "+MQTTREC:1",
        "+MQTTREC:2",
        "+MQTTDISC:OK",
    ];

    [Test]
    public void Urc_examples_parse_to_their_typed_values()
    {
        const string publish = "+MQTTPUBLISH: 0,2,0,9,\"dev/gsm/u\",14"; // §1.11, message on the next line
        var parsed = UrcLines.Select(line => ParsedLine.Of(line, UrcParser.Parse(line)))
            .Append(ParsedLine.Of(publish + "\nupdate message", UrcParser.Parse(publish, "update message"u8)))
            .ToList();

        Assert.That(parsed.Select(p => p.Error), Has.All.Null);
        Snapshot.Match(parsed);
    }

    [Test]
    public void Publish_example_with_message_on_the_next_line_parses_without_deviations()
    {
        var result = UrcParser.Parse("+MQTTPUBLISH: 0,2,0,9,\"dev/gsm/u\",14", "update message"u8);

        Assert.That(result.Value, Is.EqualTo(new MqttPublish(0, 2, 0, 9, "dev/gsm/u", Encoding.UTF8.GetBytes("update message"))));
        Assert.That(result.Deviations, Is.Empty);
        Assert.That(((MqttPublish)result.Value!).MessageText, Is.EqualTo("update message"));
    }

    private static readonly string[] FinalResults = ["OK", "+CME ERROR: 3"];

    [Test]
    public void Information_and_final_result_examples_parse_to_their_typed_values()
    {
        (string Line, string Command)[] answers =
        [
            ("+MQTTCFG:\"183.230.40.39\",6002,\"4069959\",60,\"75829\",***,1", "+MQTTCFG"), // §1.1
            ("+MQTTSUB:", "+MQTTSUB"),                                                     // §1.4
            ("dev/gsm/u", "+MQTTSUB"),
        ];
        var parsed = answers.Select(a => ParsedLine.Of(a.Line, InformationParser.Parse(a.Line, a.Command)))
            .Concat(FinalResults.Select(line => ParsedLine.Of(line, FinalResult.Parse(line))))
            .ToList();

        Assert.That(parsed.Select(p => p.Error), Has.All.Null);
        Snapshot.Match(parsed);
    }

    [TestCase("+MQTTOPEN: OK")]
    [TestCase("+MQTTPUBREC: 0,10")]
    [TestCase("+MQTTUNSUBACK: 8")]
    [TestCase("+MQTTPINGRSP: OK")]
    public void Canonical_examples_have_no_deviations(string line) =>
        Assert.That(UrcParser.Parse(line).Deviations, Is.Empty);

    [TestCase("+MQTTSUBACK: 5,2", "suback-without-topic")]
    [TestCase("+MQTTPUBREC:2,0", "no-space-after-colon,dup-packid-swapped")]
    [TestCase("+MQTTPUBCOMP:3,0", "no-space-after-colon,dup-packid-swapped")]
    [TestCase("+MQTTPINGRESP:OK", "no-space-after-colon,pingresp-spelling")]
    [TestCase("+MQTTTO:5", "no-space-after-colon")]
    public void Examples_that_differ_from_the_canonical_form_report_it(string line, string codes) =>
        Assert.That(UrcParser.Parse(line).Deviations.Select(d => d.Code), Is.EqualTo(codes.Split(',')));

    [Test]
    public void Swapped_pubrec_example_is_read_as_packet_id_2() =>
        Assert.That(UrcParser.Parse("+MQTTPUBREC:2,0").Value, Is.EqualTo(new PubRec(Dup: 0, PacketId: 2)));
}
