using System.Text;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

namespace Conformance.Emulator.Modem;

/// <summary>
/// A virtual M5310-A: host bytes go in through <see cref="Write"/>, module bytes come out through
/// <see cref="OutputWritten"/>, MQTT goes to a real broker. Lines end with CR or CRLF; answers are framed
/// <c>\r\n&lt;text&gt;\r\n</c>; URCs never interleave inside a line.
/// </summary>
/// <remarks>
/// <see cref="OutputWritten"/> is raised on whichever thread produced the bytes (the writer, the MQTT receive loop,
/// a timer), one chunk at a time, in order; a handler must not block or call back into the module.
/// </remarks>
public sealed class VirtualModule : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly LineAssembler _lines;
    private readonly ModuleOutput _output;
    private readonly MqttSession _session;
    private bool _echo;

    public VirtualModule(EmulatorOptions? options = null, EmulatorFaults? faults = null)
    {
        Options = options ?? new EmulatorOptions();
        Options.Validate();
        Faults = faults ?? new EmulatorFaults();
        _echo = Options.Echo;
        _lines = new LineAssembler(Options.MaxLineLength);
        _output = new ModuleOutput(bytes => OutputWritten?.Invoke(this, bytes), text => Logged?.Invoke(this, text));
        _session = new MqttSession(_gate, _output, Options, Faults);
    }

    /// <summary>Module bytes, in order: echo, responses, URCs.</summary>
    public event EventHandler<byte[]>? OutputWritten;

    /// <summary>One line per command received (<c>&gt; …</c>) and per line sent (<c>&lt; …</c>), with the CFG password masked.</summary>
    public event EventHandler<string>? Logged;

    public EmulatorOptions Options { get; }

    public EmulatorFaults Faults { get; }

    public MqttState State
    {
        get { lock (_gate) return _session.State; }
    }

    /// <summary>The broker's answers the module waits for, each with an <c>AT+MQTTTO</c> timer running.</summary>
    public IReadOnlyList<MqttTimeoutType> AwaitedAnswers
    {
        get { lock (_gate) return _session.Awaited; }
    }

    public bool Echo
    {
        get { lock (_gate) return _echo; }
    }

    /// <summary>Bytes from the host, in any chunking; every complete line is answered before this returns.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            // The module echoes characters as they arrive, as a terminal expects.
            if (_echo) _output.Raw(bytes);
            _lines.Feed(bytes, Execute, Overflow);
        }
    }

    private void Overflow()
    {
        Logged?.Invoke(this, $"> (line longer than {Options.MaxLineLength} bytes)");
        Finish(new FinalResult(FinalResultKind.CmeError, 601));
    }

    private void Execute(byte[] line)
    {
        var text = Encoding.UTF8.GetString(line);
        var parsed = AtCommandParser.Parse(text);
        Logged?.Invoke(this, "> " + (parsed.Value?.FormatRedacted() ?? MqttCfg.RedactUnparsed(text)));
        Finish(parsed.Value switch
        {
            // Not even a command (no AT): ERROR like any unknown one; broken arguments: syntax error.
            null when !text.StartsWith("AT", StringComparison.OrdinalIgnoreCase) => new FinalResult(FinalResultKind.Error),
            null => new FinalResult(FinalResultKind.CmeError, 601),
            UnknownCommand => new FinalResult(FinalResultKind.Error),
            var command => Run(command),
        });
    }

    private FinalResult Run(AtCommand command)
    {
        switch (command)
        {
            case Attention:
                break;
            case EchoMode echo:
                _echo = echo.On;
                break;
            case SignalQualityRead:
                Answer(new SignalQuality(Options.Rssi, Options.Ber));
                break;
            case RegistrationRead:
                Answer(new Registration(0, 1));
                break;
            case AttachRead:
                Answer(new Attach(true));
                break;
            case ImeiRead:
                Answer(new Imei(Options.Imei));
                break;
            default:
                return _session.Execute(command);
        }
        return new FinalResult(FinalResultKind.Ok);
    }

    private void Answer(InformationResponse response) => _output.Line(response.Format(Options.Dialect));

    private void Finish(FinalResult result) => _output.Line(result.Format(Options.Dialect));

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
