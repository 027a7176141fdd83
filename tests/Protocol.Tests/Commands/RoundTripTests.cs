using Conformance.Protocol.Commands;
using CsCheck;

namespace Conformance.Protocol.Tests.Commands;

/// <summary>Whatever a builder accepts, the parser reads back as the same command with no deviations.</summary>
public class RoundTripTests
{
    // Commas, spaces, quotes of the other kind, non-ASCII and MQTT separators are all legal inside quoted strings.
    private const string Ordinary = "abcXYZ019/_-.$";
    private const string Tricky = Ordinary + ", \u00E9\u4E2D\u6587\u00A5'";

    private static readonly Gen<string> Identifier = Text(Tricky, 0, 12).Where(s => s.Trim(' ') == s);
    private static readonly Gen<string> Topic = Text(Tricky, 1, 16).Where(s => s.Trim(' ') == s);
    private static readonly Gen<string> Filter = Gen.OneOf(Topic, Gen.Const("a/+/b"), Gen.Const("a/#"), Gen.Const("+"));
    // A message ends the line, so it may even carry curly quotes and surrounding spaces.
    private static readonly Gen<string> Message = Text(Tricky + "\u201C\u201D#+", 0, 24);
    private static readonly Gen<int> Qos = Gen.Int[0, 2];

    private static Gen<string> Text(string alphabet, int min, int max) =>
        Gen.Char[alphabet].Array[min, max].Select(chars => new string(chars));

    private static readonly Gen<AtCommand> Commands = Gen.OneOf<AtCommand>(
        Gen.Const<AtCommand>(At.Attention()),
        Gen.Bool.Select(on => (AtCommand)At.Echo(on)),
        Gen.Const<AtCommand>(At.Csq()),
        Gen.Const<AtCommand>(At.CeregRead()),
        Gen.Const<AtCommand>(At.CgattRead()),
        Gen.Const<AtCommand>(At.Imei()),
        Gen.Select(Topic, Gen.Int[1, 65535], Identifier, Gen.Int[0, 65535], Identifier, Identifier, Gen.Bool,
            (host, port, id, keepAlive, user, password, clean) => (AtCommand)Mqtt.Cfg(host, port, id, keepAlive, user, password, clean)),
        Gen.Const<AtCommand>(Mqtt.CfgRead()),
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool, Qos, Identifier, Message,
            (user, password, will, retain, qos, topic, message) => (AtCommand)Mqtt.Open(user, password, will, retain, qos, topic, message)),
        Gen.Const<AtCommand>(Mqtt.Stat()),
        Gen.Select(Filter, Qos, Gen.Bool, (topic, qos, index) => (AtCommand)Mqtt.Sub(topic, qos, index ? 0 : null)),
        Gen.Const<AtCommand>(Mqtt.SubList()),
        Gen.Select(Topic, Qos, Message, Gen.Bool, Gen.Bool, (topic, qos, text, retain, dup) => (AtCommand)Mqtt.Pub(topic, qos, text, retain, dup)),
        Gen.Select(Topic, Qos, Gen.Byte.Array[1, 40], Gen.Bool, Gen.Bool, (topic, qos, bytes, retain, dup) => (AtCommand)Mqtt.PubHex(topic, qos, bytes, retain, dup)),
        Filter.Select(topic => (AtCommand)Mqtt.Unsub(topic)),
        Gen.Const<AtCommand>(Mqtt.Disc()),
        Gen.Const<AtCommand>(Mqtt.Del()),
        Gen.Int[1, 65535].Select(seconds => (AtCommand)Mqtt.Timeout(seconds)),
        Gen.Int[0, 1].Select(echo => (AtCommand)Mqtt.Ping(echo)));

    [Test]
    public void Build_format_parse_gives_back_the_same_command() =>
        Commands.Sample(command =>
        {
            var result = AtCommandParser.Parse(command.Format() + "\r\n");
            Assert.That(result.Error, Is.Null, command.Format());
            Assert.That(result.Value, Is.EqualTo(command));
            Assert.That(result.Deviations, Is.Empty, command.Format());
        }, iter: 2000);
}
