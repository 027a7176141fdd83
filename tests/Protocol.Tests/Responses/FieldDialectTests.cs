using Conformance.Protocol.Responses;
using Snapshooter.NUnit;

namespace Conformance.Protocol.Tests.Responses;

/// <summary>The forms shipping firmware emits (spec §7) parse, with each difference from the manual reported.</summary>
public class FieldDialectTests
{
    [Test]
    public void Field_urcs_parse_to_their_typed_values()
    {
        string[] lines =
        [
            "+MQTTOPEN:OK",
            "+MQTTOPEN:FAIL",
            "+MQTTSUBACK:1,1,pyr",
            "+MQTTSUBACK: 5,2,\u201Ddev/gsm/u\u201D",
            "+MQTTSUBACK:6,128,pyr",
            "+MQTTUNSUBACK:5,pyr",
            "+MQTTPUBACK:1,0",
            "+MQTTPUBACK: 1,1",
            "+MQTTPINGRESP:OK",
            "+MQTTPUBLISH:0,0,0,0,pyr,3,~zz",
            "+MQTTPUBLISH:0,1,0,7,$creq/5a1e,11,{\"a\":\"b,c\"}",
            "+MQTTPUBLISH: 0,1,0,7,\"t\",5,\"abc\"",
            "+MQTTPUBLISH: 0,1,0,7,\"t\",3,\"abc\"",
            "+MQTTPUBLISH:0,0,0,0,pyr,5,~zz",
        ];
        var parsed = lines.Select(line => ParsedLine.Of(line, UrcParser.Parse(line))).ToList();

        Assert.That(parsed.Select(p => p.Error), Has.All.Null);
        Snapshot.Match(parsed);
    }

    private static readonly string[] FinalResults = ["ERROR", "+CME ERROR:601", "+CME ERROR: operation not allowed"];

    [Test]
    public void Field_information_and_final_results_parse_to_their_typed_values()
    {
        (string Line, string Command)[] answers =
        [
            ("+MQTTSTAT:5", "+MQTTSTAT"),
            ("+CGATT:1", "+CGATT"),
            ("+CSQ:31,99", "+CSQ"),
            ("+CSQ: 99,99", "+CSQ"),
            ("+CEREG: 0,1", "+CEREG"),
            ("+CEREG: 2,5,\"5A1F\",\"0C8B2F41\",9", "+CEREG"),
            ("+CGSN: 865820031234567", "+CGSN"),
            ("865820031234567", "+CGSN"),
            ("+MQTTCFG: \"183.230.40.39\",6002,\"4069959\",60,\"75829\",\"*****\",1", "+MQTTCFG"),
        ];
        var parsed = answers.Select(a => ParsedLine.Of(a.Line, InformationParser.Parse(a.Line, a.Command)))
            .Concat(FinalResults.Select(line => ParsedLine.Of(line, FinalResult.Parse(line))))
            .ToList();

        Assert.That(parsed.Select(p => p.Error), Has.All.Null);
        Snapshot.Match(parsed);
    }

    [TestCase("+MQTTOPEN:OK", "no-space-after-colon")]
    [TestCase("+MQTTSUBACK:1,1,pyr", "no-space-after-colon,unquoted-topic")]
    [TestCase("+MQTTSUBACK: 5,2,\u201Ddev/gsm/u\u201D", "curly-quotes")]
    [TestCase("+MQTTUNSUBACK:5,pyr", "no-space-after-colon,topic-in-unsuback")]
    [TestCase("+MQTTPUBACK:1,0", "no-space-after-colon,puback-second-field")]
    [TestCase("+MQTTPUBLISH:0,0,0,0,pyr,3,~zz", "no-space-after-colon,unquoted-topic")]
    [TestCase("+MQTTPUBLISH:0,0,0,0,pyr,5,~zz", "no-space-after-colon,unquoted-topic,message-len-mismatch")]
    public void Field_urcs_report_their_deviations(string line, string codes) =>
        Assert.That(UrcParser.Parse(line).Deviations.Select(d => d.Code), Is.EqualTo(codes.Split(',')));

    [Test]
    public void Inline_raw_message_is_not_split_on_commas_quotes_or_line_ends()
    {
        byte[] message = [.. "a,\"b\"\r\n,c"u8, 0xFF, 0x00];

        var result = UrcParser.Parse("+MQTTPUBLISH:1,1,0,300,pyr," + message.Length, message);

        Assert.That(result.Value, Is.EqualTo(new MqttPublish(1, 1, 0, 300, "pyr", message)));
        Assert.That(((MqttPublish)result.Value!).MessageText, Is.Null, "0xFF is not UTF-8");
    }

    [Test]
    public void Raw_bytes_cut_out_by_the_tokenizer_give_the_same_publish_as_the_whole_inline_line()
    {
        var cut = UrcParser.Parse("+MQTTPUBLISH:0,0,0,0,pyr,3", [0x7E, 0x7A, 0x7A]);
        var inline = UrcParser.Parse("+MQTTPUBLISH:0,0,0,0,pyr,3,~zz");

        Assert.That(cut.Value, Is.EqualTo(inline.Value));
        Assert.That(((MqttPublish)cut.Value!).MessageText, Is.EqualTo("~zz"));
    }

    [Test]
    public void Echoed_password_is_flagged_as_a_conformance_failure()
    {
        var result = InformationParser.Parse("+MQTTCFG: \"h\",6002,\"id\",60,\"u\",\"IIOu0oFUg\",1", "+MQTTCFG");

        Assert.That(ParsedLine.CodeList(result), Is.EqualTo("password-echoed"));
        Assert.That(result.Deviations[0].Message, Does.Not.Contain("IIOu0oFUg"), "the report must not spread the secret");
        Assert.That(((MqttConfig)result.Value!).IsPasswordMasked, Is.False);
    }

    [Test]
    public void Quoted_five_star_mask_of_the_manual_template_is_a_mask_form_deviation()
    {
        var result = InformationParser.Parse("+MQTTCFG: \"h\",6002,\"id\",60,\"u\",\"*****\",0", "+MQTTCFG");

        Assert.That(ParsedLine.CodeList(result), Is.EqualTo("password-mask-form"));
        Assert.That(result.Value, Is.EqualTo(new MqttConfig("h", 6002, "id", 60, "u", "*****", false)));
    }
}
