using System.Net;
using System.Net.Sockets;

namespace Conformance.Emulator.Platform;

/// <summary>Finds a TCP port on 127.0.0.1 that nothing listens on right now.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
