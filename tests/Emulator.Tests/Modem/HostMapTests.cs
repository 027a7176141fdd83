using System.Net;
using Conformance.Emulator.Modem;

namespace Conformance.Emulator.Tests.Modem;

/// <summary>Where a configured host:port really leads.</summary>
public sealed class HostMapTests
{
    private static readonly EmulatorOptions Options = new()
    {
        HostMap = new Dictionary<string, DnsEndPoint> { ["183.230.40.39:6002"] = new("127.0.0.1", 1883) },
    };

    [Test]
    public void A_mapped_address_goes_where_the_map_says() =>
        Assert.That(Options.Resolve("183.230.40.39", 6002), Is.EqualTo(new DnsEndPoint("127.0.0.1", 1883)));

    [Test]
    public void An_unmapped_address_goes_to_itself_without_a_default_broker() =>
        Assert.That(Options.Resolve("broker.example", 8883), Is.EqualTo(new DnsEndPoint("broker.example", 8883)));

    [Test]
    public void An_unmapped_address_goes_to_the_default_broker_when_there_is_one() =>
        Assert.That((Options with { DefaultBroker = new("127.0.0.1", 5000) }).Resolve("broker.example", 8883),
            Is.EqualTo(new DnsEndPoint("127.0.0.1", 5000)));

    [Test]
    public void Options_out_of_range_name_the_option()
    {
        Assert.That(() => new VirtualModule(new EmulatorOptions { Rssi = 40 }),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("Rssi"));
        Assert.That(() => new VirtualModule(new EmulatorOptions { Imei = "86997603000000x" }),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("Imei"));
    }
}
