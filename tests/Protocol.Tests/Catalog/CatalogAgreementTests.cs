using System.Text;
using Conformance.Protocol.Catalog;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Tests.Catalog;

/// <summary>Nothing that knows a protocol fact disagrees with the catalog, and the catalog misses nothing the code knows.</summary>
public class CatalogAgreementTests
{
    private static IEnumerable<Type> UrcRecords =>
        typeof(Urc).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Urc)) && !t.IsAbstract);

    [Test]
    public void Every_urc_record_has_exactly_one_catalog_line()
    {
        Assert.That(UrcRecords.Select(t => ProtocolCatalog.Urcs.Count(u => u.Type == t)), Is.All.EqualTo(1));
        Assert.That(ProtocolCatalog.Urcs.Select(u => u.Type), Is.EquivalentTo(UrcRecords));
    }

    [TestCaseSource(typeof(ProtocolCatalog), nameof(ProtocolCatalog.UrcNames))]
    public void Every_urc_spelling_is_always_a_urc_and_parses_to_its_record(string name)
    {
        var entry = ProtocolCatalog.Urc(name)!;
        Assert.That(LineClassifier.IsAlwaysUrc(Encoding.ASCII.GetBytes(name)), Is.True);
        Assert.That(ProtocolCatalog.ResponseNames, Does.Not.Contain(name));
        // A line of the name reaches the record's own reader: whatever it says about the fields, it never says "not a URC".
        var parsed = UrcParser.Parse($"{name}: 1");
        Assert.That(parsed.Error ?? "", Does.Not.Contain("is not a URC"));
        if (parsed.Value is { } urc)
            Assert.That((urc.GetType(), urc.Name, urc.Section), Is.EqualTo((entry.Type, entry.Name, entry.Section)));
    }

    [Test]
    public void Every_record_encodes_and_parses_back_under_its_catalog_name()
    {
        Urc[] samples =
        [
            new MqttOpenResult(true), new MqttPublish(0, 1, 0, 3, "t", "hi"u8.ToArray()), new SubAck(1, 1, "t"), new PubAck(2, 0),
            new PubRec(0, 4), new PubRel(0, 5), new PubComp(0, 4), new PingResp(), new UnsubAck(6, null),
            new MqttTimeout(MqttTimeoutType.Ping), new MqttReconnect(1), new MqttDisconnected(),
        ];
        Assert.That(samples.Select(s => s.GetType()), Is.EquivalentTo(UrcRecords), "a sample of every record");
        foreach (var sample in samples)
        {
            var line = Encoding.UTF8.GetString(sample.Encode(Dialect.Manual)).Split("\r\n")[0];
            var message = sample is MqttPublish publish ? publish.Message : default;
            var parsed = UrcParser.Parse(line, message);
            Assert.That(parsed.Value, Is.EqualTo(sample), line);
            Assert.That(line, Does.StartWith(ProtocolCatalog.Urc(sample.GetType()).Name + ":"));
        }
    }

    [TestCaseSource(typeof(ProtocolCatalog), nameof(ProtocolCatalog.ResponseNames))]
    public void Every_answer_name_has_a_reader_and_is_information_in_a_raw_capture(string name)
    {
        var parsed = InformationParser.Parse($"{name}: 1", name);
        Assert.That(parsed.Error ?? "", Does.Not.Contain("no information response is known"));
        Assert.That(LineClassifier.IsAlwaysUrc(Encoding.ASCII.GetBytes(name)), Is.False);
        Assert.That(LineClassifier.KnownName(Encoding.ASCII.GetBytes(name)), Is.EqualTo(name));
    }

    [TestCase("AT")]
    [TestCase("ATE0")]
    [TestCase("AT+CGSN=1")]
    [TestCase("AT+CGATT?")]
    [TestCase("AT+CEREG?")]
    [TestCase("AT+CSQ")]
    [TestCase("AT+MQTTCFG=\"h\",6002,\"id\",60,\"u\",\"p\",1")]
    [TestCase("AT+MQTTCFG?")]
    [TestCase("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"")]
    [TestCase("AT+MQTTSTAT?")]
    [TestCase("AT+MQTTSUB=\"t\",1")]
    [TestCase("AT+MQTTSUB?")]
    [TestCase("AT+MQTTPUB=\"t\",1,0,0,2,6869")]
    [TestCase("AT+MQTTUNSUB=\"t\"")]
    [TestCase("AT+MQTTDISC")]
    [TestCase("AT+MQTTDEL")]
    [TestCase("AT+MQTTTO=10")]
    [TestCase("AT+MQTTPING=1")]
    public void Every_typed_command_is_in_the_catalog_with_its_section(string line)
    {
        var command = AtCommandParser.Parse(line).Value!;
        Assert.That(command, Is.Not.InstanceOf<UnknownCommand>());
        Assert.That(ProtocolCatalog.Command(command.Name)?.Section, Is.EqualTo(command.Section), line);
    }

    [TestCase("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", 0, "+MQTTOPEN")]
    [TestCase("AT+MQTTSUB=\"t\",1", 0, "+MQTTSUBACK")]
    [TestCase("AT+MQTTSUB?", 0, null)]
    [TestCase("AT+MQTTPUB=\"t\",0,0,0,2,6869", 0, null)]
    [TestCase("AT+MQTTPUB=\"t\",1,0,0,2,6869", 1, "+MQTTPUBACK")]
    [TestCase("AT+MQTTPUB=\"t\",2,0,0,2,6869", 2, "+MQTTPUBREC")]
    [TestCase("AT+MQTTUNSUB=\"t\"", 0, "+MQTTUNSUBACK")]
    [TestCase("AT+MQTTDISC", 0, "+MQTTDISC")]
    [TestCase("AT+MQTTDEL", 0, null)]
    public void The_outcome_of_a_command_is_the_urc_the_manual_names(string line, int qos, string? urc) =>
        Assert.That(ProtocolCatalog.OutcomeOf(line, qos)?.Name, Is.EqualTo(urc));

    [Test]
    public void An_ack_timeout_ends_the_wait_for_the_outcomes_of_its_command()
    {
        Assert.That(ProtocolCatalog.AwaitedBy(MqttTimeoutType.Connect), Is.EqualTo(new[] { "+MQTTOPEN" }));
        Assert.That(ProtocolCatalog.AwaitedBy(MqttTimeoutType.Publish), Is.EqualTo(new[] { "+MQTTPUBACK", "+MQTTPUBREC", "+MQTTPUBCOMP" }));
        Assert.That(ProtocolCatalog.AwaitedBy(MqttTimeoutType.Subscribe), Is.EqualTo(new[] { "+MQTTSUBACK" }));
        Assert.That(ProtocolCatalog.AwaitedBy(MqttTimeoutType.Unsubscribe), Is.EqualTo(new[] { "+MQTTUNSUBACK" }));
        Assert.That(ProtocolCatalog.AwaitedBy(MqttTimeoutType.Ping), Is.Empty);
        Assert.That(ProtocolCatalog.DefaultAckTimeout, Is.EqualTo(TimeSpan.FromSeconds(10)), "manual §1.9");
    }
}
