using BenchmarkDotNet.Attributes;
using Conformance.Protocol.Commands;

namespace Conformance.Benchmarks;

/// <summary>Building and formatting the command lines the host sends, arguments checked on every build.</summary>
[MemoryDiagnoser]
public class CommandBenchmarks
{
    // A OneNET type-3 data point: {"temp":22,"hum":45}.
    private static readonly byte[] DataPoint = [0x03, 0x00, 0x14, .. "{\"temp\":22,\"hum\":45}"u8];

    [Benchmark]
    public string Cfg() => Mqtt.Cfg("183.230.40.39", 6002, "503371895", 120, "185913", "api-key=secret").Format();

    [Benchmark]
    public string Sub() => Mqtt.Sub("dev/gsm/u", 2).Format();

    [Benchmark]
    public string Pub() => Mqtt.Pub("dev/gsm/u", 1, "update message").Format();

    [Benchmark]
    public string PubHex() => Mqtt.PubHex("$dp", 1, DataPoint).Format();
}
