using System.Net;
using System.Net.Sockets;
using Conformance.Harness.Running;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests;

/// <summary>The give-up watch: silence counts only after a command the module has not answered with a single byte.</summary>
public class SilenceWatchTests
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new();
    private TcpClient _host = null!;
    private TcpClient _module = null!;
    private SilenceWatchStream _watched = null!;

    [SetUp]
    public async Task Connect()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _host = new TcpClient();
        var connect = _host.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        _module = await listener.AcceptTcpClientAsync();
        await connect;
        _watched = new SilenceWatchStream(_host.GetStream(), GiveUp, _time);
    }

    [TearDown]
    public async Task Disconnect()
    {
        await _watched.DisposeAsync();
        _host.Dispose();
        _module.Dispose();
    }

    private Task<int> Read() => _watched.ReadAsync(new byte[256]).AsTask();

    private Task Say(string text) => _module.GetStream().WriteAsync(System.Text.Encoding.ASCII.GetBytes(text)).AsTask();

    [Test]
    public async Task A_command_left_unanswered_for_the_give_up_time_fails_the_read()
    {
        var read = Read();

        await _watched.WriteAsync("AT\r\n"u8.ToArray());
        _time.Advance(GiveUp);

        var e = Assert.ThrowsAsync<ModuleSilentException>(() => read.WaitAsync(Patience));
        Assert.That(e!.Message, Does.Contain("sent nothing for 30 s"));
    }

    [Test]
    public async Task Waiting_for_a_urc_after_an_answer_is_not_silence()
    {
        await _watched.WriteAsync("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n"u8.ToArray());
        await Say("\r\nOK\r\n");
        Assert.That(await Read().WaitAsync(Patience), Is.GreaterThan(0));

        var urc = Read();
        _time.Advance(GiveUp * 10);
        await Say("\r\n+MQTTOPEN: OK\r\n");

        Assert.That(await urc.WaitAsync(Patience), Is.GreaterThan(0));
    }

    [Test]
    public async Task The_give_up_time_counts_from_the_first_unanswered_command()
    {
        var read = Read();

        await _watched.WriteAsync("AT\r\n"u8.ToArray());
        _time.Advance(GiveUp / 2);
        await _watched.WriteAsync("AT\r\n"u8.ToArray());
        _time.Advance(GiveUp / 2);

        Assert.ThrowsAsync<ModuleSilentException>(() => read.WaitAsync(Patience));
    }
}
