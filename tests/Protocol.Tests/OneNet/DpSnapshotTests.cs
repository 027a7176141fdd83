using Conformance.Protocol.OneNet;
using Snapshooter.NUnit;

namespace Conformance.Protocol.Tests.OneNet;

/// <summary>The full decoded form (payload, data points) of one example of each type.</summary>
public class DpSnapshotTests
{
    [Test]
    public void Type_1_datastreams() => Snapshot.Match(DpDecoder.Decode(DpBytes.LengthPrefixed("01",
        """{"datastreams":[{"id":"temp","datapoints":[{"at":"2018-09-06 10:00:00","value":22.5},{"value":23}]}]}""")));

    [Test]
    public void Type_2_binary() => Snapshot.Match(DpDecoder.Decode(DpBytes.Of(
        "02 0034", """{"ds_id":"pic","at":"2018-09-06 10:00:00","desc":""}""").Concat(Convert.FromHexString("00000004FFD8FFE0")).ToArray()));

    [Test]
    public void Type_3_simple_json() => Snapshot.Match(DpDecoder.Decode(DpBytes.LengthPrefixed("03", """{"test":"hello，world！","temperature":22.5}""")));

    [Test]
    public void Type_4_timed_json() => Snapshot.Match(DpDecoder.Decode(DpBytes.LengthPrefixed("04", """{"temperature":{"2015-03-22 22:31:12":22.5}}""")));

    [Test]
    public void Type_5_separated() => Snapshot.Match(DpDecoder.Decode(DpBytes.LengthPrefixed("05", ",;temperature,22.5;humidity,40")));

    [Test]
    public void Type_6_separated_with_time() => Snapshot.Match(DpDecoder.Decode(DpBytes.LengthPrefixed("86 120906 0A0000", ",;temperature,22.5")));

    [Test]
    public void Type_7_floats_with_time() => Snapshot.Match(DpDecoder.Decode(DpBytes.Of("87 120906 0A0000 0001 41B40000 0002 42200000")));
}
