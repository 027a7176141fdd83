namespace Conformance.Emulator.Tests.Support;

/// <summary>Base of fixtures that run the same tests against the embedded broker and against mosquitto.</summary>
[TestFixture(BrokerKind.Embedded)]
[TestFixture(BrokerKind.Mosquitto)]
public abstract class BrokerFixture(BrokerKind kind)
{
    private TestBroker? _broker;

    private protected int BrokerPort => _broker!.Port;

    [OneTimeSetUp]
    public async Task StartBroker() => _broker = await TestBroker.StartAsync(kind);

    [OneTimeTearDown]
    public async Task StopBroker()
    {
        if (_broker is not null) await _broker.DisposeAsync();
    }

    protected static string NewTopic() => "dev/" + Guid.NewGuid().ToString("N")[..8] + "/u";
}
