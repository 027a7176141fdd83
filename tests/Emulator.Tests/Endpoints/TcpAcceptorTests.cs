using System.Net.Sockets;
using Conformance.Emulator.Endpoints;

namespace Conformance.Emulator.Tests.Endpoints;

/// <summary>The listener under every TCP port of the emulator: it stops cleanly whenever it is told to.</summary>
public sealed class TcpAcceptorTests
{
    [Test]
    public async Task Stopping_just_after_a_client_connected_ends_without_an_error()
    {
        // The stop races the accept loop going round for the next client: many times over, so that some stops
        // land between two accepts.
        for (var i = 0; i < 500; i++)
        {
            var acceptor = TcpAcceptor.Start(null, (_, _) => Task.CompletedTask);
            using var client = new TcpClient();
            await client.ConnectAsync(acceptor.EndPoint);

            Assert.That(async () => await acceptor.DisposeAsync(), Throws.Nothing, $"stop {i}");
        }
    }
}
