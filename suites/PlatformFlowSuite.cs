using Conformance.Harness.Dsl;
using Conformance.Protocol.Commands;
using Conformance.Protocol.OneNet;
using Conformance.Protocol.Responses;
using static Conformance.Harness.Dsl.UrcPatterns;

namespace Conformance.Suites;

/// <summary>Manual §3.3.1–§3.3.4 and §4.2–§4.4: a device's life on OneNET, from creation to deletion.</summary>
public sealed class PlatformFlowSuite : Suite
{
    /// <summary>The manual's §4.3 upload: type 3, 27 bytes of <c>{"test":"hello，world！"}</c>.</summary>
    internal const string ManualDpHex = "03001B7b2274657374223a2268656c6c6fefbc8c776f726c64efbc81227d";

    public override IEnumerable<Scenario> Scenarios(SuiteParameters p)
    {
        yield return Connected("3.3.3 the manual's $dp upload is shown on the platform", p)
            .Send(Mqtt.PubHex("$dp", 2, Convert.FromHexString(ManualDpHex))).ExpectOk()
                .ThenUrcs(PubRec(out var manualId).Before(PubComp(manualId)))
            .ExpectOnPlatform(p.DeviceId, points => points.Any(d => d.DatastreamId == "test" && d.Value.Text == "hello，world！"));

        var temperature = JsonDataPoints.Create(DpType.Datastreams, [new DataPoint("temperature", null, DataValue.Of(22.5))]);
        var humidity = JsonDataPoints.Create(DpType.SimpleJson, [new DataPoint("humidity", null, DataValue.Of(40))]);
        yield return Connected("3.3.3 type 1 and type 3 uploads are shown on the platform", p)
            .Send(Mqtt.PubHex("$dp", 1, DpEncoder.Encode(temperature))).ExpectOk().ThenUrcs(PubAck(out _))
            .Send(Mqtt.PubHex("$dp", 2, DpEncoder.Encode(humidity))).ExpectOk()
                .ThenUrcs(PubRec(out var humidityId).Before(PubComp(humidityId)))
            .ExpectOnPlatform(p.DeviceId, points => points.Any(d => d.DatastreamId == "temperature" && d.Value.Number == 22.5)
                && points.Any(d => d.DatastreamId == "humidity" && d.Value.Number == 40));

        yield return Connected("3.3.1 a platform command on $creq arrives as +MQTTPUBLISH", p)
            .PlatformCommand(p.DeviceId, "conformance-1", "led=on")
            .ThenUrc<MqttPublish>(m => m.Topic == "$creq/conformance-1" && m.MessageText == "led=on").Checks("3.3.1");

        yield return Connected("3.3.4 logout with +MQTTDISC: OK, then delete, then a new instance", p)
            .Send(Mqtt.Disc()).ExpectOk().ThenUrc<MqttDisconnected>()
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.Disconnected).ExpectOk()
            .Send(Mqtt.Del()).ExpectOk()
            .Send(Mqtt.Stat()).ExpectInfo<MqttStatus>(s => s.State == MqttState.NotInitialised).ExpectOk()
            .Send(Cfg(p)).ExpectOk().Checks("3.3.4")
            .NoOtherUrcs();

        // The chapter 4 walk-through as the manual writes it, topic "led2" and retain 1 included; a retained
        // message from an earlier run may arrive on SUB, so stray URCs are not checked here.
        yield return Scenario("4.2 create, log in, subscribe, publish, upload, log out, delete")
            .Reset()
            .Send(Cfg(p)).ExpectOk()
            .Send(Mqtt.Open()).ExpectOk().ThenUrc<MqttOpenResult>(o => o.Ok, within: 15.Seconds())
            .Send(Mqtt.Sub("led2", 2, 0)).ExpectOk().ThenUrc<SubAck>(a => a.Code == 2)
            .Send(Mqtt.Pub("led2", 2, " update message", retain: true)).ExpectOk().Checks("4.3")
                .ThenUrcs(PubRec(out var id).Before(PubComp(id)),
                          Publish("led2", " update message", out var inId).Before(PubRel(inId)))
            .Send(Mqtt.PubHex("$dp", 2, Convert.FromHexString(ManualDpHex), retain: true)).ExpectOk().Checks("4.3")
                .ThenUrcs(PubRec(out var dpId).Before(PubComp(dpId)))
            .Send(Mqtt.Disc()).ExpectOk().Checks("4.4").ThenUrc<MqttDisconnected>()
            .Send(Mqtt.Del()).ExpectOk().Checks("4.4");
    }

    internal static MqttCfg Cfg(SuiteParameters p, int? keepAlive = null) =>
        Mqtt.Cfg(p.Broker, p.Port, p.DeviceId, keepAlive ?? p.KeepAlive, p.ProductId, p.ApiKey);

    /// <summary>A scenario that starts logged in (manual §3.3.1, §3.3.2), with the given keep-alive.</summary>
    internal static Scenario Connected(string title, SuiteParameters p, int? keepAlive = null) => new Scenario(title)
        .Reset()
        .Send(Cfg(p, keepAlive)).ExpectOk()
        .Send(Mqtt.Open()).ExpectOk().ThenUrc<MqttOpenResult>(o => o.Ok, within: 15.Seconds());
}
