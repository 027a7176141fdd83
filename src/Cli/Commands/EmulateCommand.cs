using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Conformance.Emulator.Control;
using Conformance.Emulator.Endpoints;
using Conformance.Emulator.Hosting;
using Conformance.Emulator.Logging;
using Conformance.Emulator.Modem;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance emulate</c>: a virtual M5310-A on TCP, a pseudo-terminal and/or a serial port until Ctrl-C or SIGTERM.</summary>
internal static class EmulateCommand
{
    private const string DefaultTcp = "127.0.0.1:5310";

    public static Command Create()
    {
        var tcp = new Option<string?>("--tcp") { Description = $"Serve the AT port on TCP HOST:PORT (default {DefaultTcp} when neither --pty nor --serial is given)." };
        var pty = new Option<bool>("--pty") { Description = "Serve the AT port on a new pseudo-terminal (Linux); its /dev/pts path is printed." };
        var serial = new Option<string?>("--serial") { Description = $"Serve the AT port on a serial port PATH[,BAUD] (8N1, default {SerialAddress.DefaultBaudRate} baud), e.g. /dev/ttyUSB0,115200." };
        var control = new Option<string?>("--control") { Description = "Take fault commands at run time on tcp:HOST:PORT (a line protocol: broker drop, pings stop, urc \"...\", help; docs/emulator.md)." };
        var broker = new Option<string>("--broker") { Description = "'embedded' (an in-process OneNET-like broker) or HOST:PORT of an MQTT broker.", DefaultValueFactory = _ => "embedded" };
        var dialect = DialectOption.Create("The manual's canonical forms or shipping firmware's");
        var echo = new Option<string>("--echo") { Description = "Echo at power-on: on or off.", DefaultValueFactory = _ => "off" };
        echo.AcceptOnlyFromAmong("on", "off");
        var imei = new Option<string>("--imei") { Description = "IMEI answered to AT+CGSN=1.", DefaultValueFactory = _ => new EmulatorOptions().Imei };
        var map = new Option<string[]>("--map") { Description = "Send one MQTTCFG HOST:PORT to another broker, e.g. 183.230.40.39:6002=127.0.0.1:1883 (repeatable); all others go to --broker." };
        var pingOn = new Option<int>("--ping-reports-on") { Description = "The AT+MQTTPING value that turns +MQTTPINGRSP reports on: 0 (manual text) or 1 (v1.3 guide).", DefaultValueFactory = _ => 0 };
        pingOn.AcceptOnlyFromAmong("0", "1");
        var showSecrets = AnalyzeCommand.ShowSecretsOption();
        var logLevel = new Option<string>("--log-level") { Description = "What standard error shows: off, warn (problems), info (plus clients and commands received), debug (plus every line sent).", DefaultValueFactory = _ => "info" };
        logLevel.AcceptOnlyFromAmong("off", "warn", "info", "debug");
        var command = new Command("emulate",
            "Run a virtual M5310-A: the AT interface on TCP, a pseudo-terminal and/or a serial port, real MQTT 3.1.1 to a broker. " +
            "Runs until Ctrl-C or SIGTERM. Exit codes: 0 clean shutdown, 2 bad arguments, a busy or missing port or an unreachable broker.")
        {
            tcp, pty, serial, control, broker, dialect, echo, imei, pingOn, map, showSecrets, logLevel,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var error = Console.Error;
            IPEndPoint? tcpEndPoint = null;
            var serialText = parse.GetValue(serial);
            var tcpText = parse.GetValue(tcp) ?? (parse.GetValue(pty) || serialText is not null ? null : DefaultTcp);
            if (tcpText is not null && (tcpEndPoint = ParseListen(tcpText)) is null)
                return Fail($"--tcp must be HOST:PORT with an IP address or localhost, e.g. {DefaultTcp} (got '{tcpText}')");
            SerialAddress? serialAddress = null;
            if (serialText is not null)
            {
                try { serialAddress = SerialAddress.Parse(serialText); }
                catch (FormatException e) { return Fail($"--serial: {e.Message}"); }
            }
            IPEndPoint? controlEndPoint = null;
            var controlText = parse.GetValue(control);
            if (controlText is not null && (!controlText.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase) || (controlEndPoint = ParseListen(controlText[4..])) is null))
                return Fail($"--control must be tcp:HOST:PORT with an IP address or localhost, e.g. tcp:127.0.0.1:5311 (got '{controlText}')");
            DnsEndPoint? brokerEndPoint = null;
            var brokerText = parse.GetValue(broker)!;
            if (brokerText != "embedded" && (brokerEndPoint = ParseBroker(brokerText)) is null)
                return Fail($"--broker must be 'embedded' or HOST:PORT with a port 1..65535 (got '{brokerText}')");
            if (brokerEndPoint is not null && !await IsReachableAsync(brokerEndPoint, cancel))
                return Fail($"cannot reach the broker at {brokerText}: nothing answers there");
            var hostMap = new Dictionary<string, DnsEndPoint>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in parse.GetValue(map) ?? [])
            {
                var equals = entry.IndexOf('=');
                var from = equals > 0 ? ParseBroker(entry[..equals]) : null;
                var to = equals > 0 ? ParseBroker(entry[(equals + 1)..]) : null;
                if (from is null || to is null)
                    return Fail($"--map must be HOST:PORT=HOST:PORT, e.g. 183.230.40.39:6002=127.0.0.1:1883 (got '{entry}')");
                hostMap[$"{from.Host}:{from.Port}"] = to;
            }
            EmulatorOptions options;
            try
            {
                options = new EmulatorOptions
                {
                    HostMap = hostMap,
                    Dialect = DialectOption.Parse(parse.GetValue(dialect)!),
                    Echo = parse.GetValue(echo) == "on",
                    Imei = parse.GetValue(imei)!,
                    PingReportsOnValue = parse.GetValue(pingOn),
                    ShowSecrets = parse.GetValue(showSecrets),
                };
                options.Validate();
            }
            catch (ArgumentException e)
            {
                return Fail(ErrorText.Of(e));
            }

            await using var emulator = await EmulatorHost.StartAsync(options, brokerEndPoint);
            var shown = Enum.Parse<EmulatorLogLevel>(parse.GetValue(logLevel)!, ignoreCase: true);
            emulator.Module.Logged += (_, entry) =>
            {
                if (entry.ShownAt(shown)) error.WriteLine(entry.Text);
            };
            TcpEndpoint? tcpEndpoint = null;
            PtyEndpoint? ptyEndpoint = null;
            SerialEndpoint? serialEndpoint = null;
            ControlServer? controlServer = null;
            try
            {
                if (tcpEndPoint is not null)
                {
                    try { tcpEndpoint = TcpEndpoint.Start(emulator.Module, tcpEndPoint); }
                    catch (SocketException e) { return Fail($"cannot listen on tcp {tcpText}: {e.Message}"); }
                    Console.WriteLine($"listening on tcp {tcpEndpoint.EndPoint}");
                }
                if (parse.GetValue(pty))
                {
                    try { ptyEndpoint = PtyEndpoint.Start(emulator.Module); }
                    catch (Exception e) when (e is PlatformNotSupportedException or IOException) { return Fail($"cannot open a pseudo-terminal: {e.Message}"); }
                    Console.WriteLine($"pty {ptyEndpoint.Path}");
                }
                if (serialAddress is not null)
                {
                    try { serialEndpoint = SerialEndpoint.Start(emulator.Module, serialAddress); }
                    catch (IOException e) { return Fail(e.Message); }
                    Console.WriteLine($"serial {serialAddress.Path} at {serialAddress.BaudRate} baud, 8N1");
                }
                if (controlEndPoint is not null)
                {
                    try { controlServer = ControlServer.Start(emulator.Module, controlEndPoint, emulator.Platform); }
                    catch (SocketException e) { return Fail($"cannot listen on --control {controlText}: {e.Message}"); }
                    Console.WriteLine($"control on tcp {controlServer.EndPoint} (send 'help')");
                }
                Console.WriteLine(brokerEndPoint is null
                    ? $"broker embedded {emulator.Broker.Host}:{emulator.Broker.Port} (every MQTTCFG host leads there)"
                    : $"broker {brokerText} (every MQTTCFG host leads there)");
                Console.WriteLine($"dialect {parse.GetValue(dialect)}, echo {parse.GetValue(echo)}; Ctrl-C to stop");
                await WaitForStopAsync(cancel);
                Console.WriteLine("stopped");
                return ExitCodes.Ok;
            }
            finally
            {
                if (controlServer is not null) await controlServer.DisposeAsync();
                if (serialEndpoint is not null) await serialEndpoint.DisposeAsync();
                ptyEndpoint?.Dispose();
                if (tcpEndpoint is not null) await tcpEndpoint.DisposeAsync();
            }

            int Fail(string message)
            {
                error.WriteLine($"conformance: {message}");
                return ExitCodes.UsageError;
            }
        });
        return command;
    }

    private static async Task WaitForStopAsync(CancellationToken cancel)
    {
        // Shut down ourselves instead of letting the runtime kill the process.
        using var stop = new StopSignals(cancel);
        try { await Task.Delay(Timeout.Infinite, stop.Token); }
        catch (OperationCanceledException) { }
    }

    private static IPEndPoint? ParseListen(string text)
    {
        var (host, port) = Split(text);
        if (host is null) return null;
        var address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        return address is null ? null : new IPEndPoint(address, port);
    }

    private static DnsEndPoint? ParseBroker(string text)
    {
        var (host, port) = Split(text);
        return host is null || port == 0 ? null : new DnsEndPoint(host, port);
    }

    private static (string? Host, int Port) Split(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), out var port) || port is < 0 or > IPEndPoint.MaxPort) return (null, 0);
        return (text[..colon].Trim('[', ']'), port);
    }

    private static async Task<bool> IsReachableAsync(DnsEndPoint broker, CancellationToken cancel)
    {
        using var probe = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await probe.ConnectAsync(broker.Host, broker.Port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
