using System.Text;
using Conformance.Emulator.Logging;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Display;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Secrets;

namespace Conformance.Emulator.Modem;

/// <summary>
/// A virtual M5310-A: host bytes go in through <see cref="Write(ReadOnlySpan{byte})"/>, module bytes come out through
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
    private MqttSession _session;
    private readonly SecretMasker _secrets;
    private readonly SecretStream _received;
    private bool _echo;

    public VirtualModule(EmulatorOptions? options = null, EmulatorFaults? faults = null)
    {
        Options = options ?? new EmulatorOptions();
        Options.Validate();
        Faults = faults ?? new EmulatorFaults();
        _echo = Options.Echo;
        _lines = NewLine();
        _secrets = new SecretMasker(show: Options.ShowSecrets);
        _received = _secrets.Stream();
        _output = new ModuleOutput(bytes => OutputWritten?.Invoke(this, bytes), text => Log(EmulatorLogLevel.Debug, text));
        _session = new MqttSession(_gate, _output, Options, Faults);
    }

    /// <summary>Module bytes, in order: echo, responses, URCs.</summary>
    public event EventHandler<byte[]>? OutputWritten;

    /// <summary>
    /// One entry per command received (<c>&gt; …</c>, info), per line sent (<c>&lt; …</c>, debug) and per endpoint
    /// event (clients, warnings), secrets masked (unless <see cref="EmulatorOptions.ShowSecrets"/>) and control
    /// characters escaped.
    /// </summary>
    public event EventHandler<EmulatorLogEntry>? Logged;

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
    public void Write(ReadOnlySpan<byte> bytes) => Write(bytes, _lines);

    /// <summary>A line buffer of its own, so one connection's unfinished line never prefixes another's command.</summary>
    internal LineAssembler NewLine() => new(Options.MaxLineLength);

    /// <summary>Host bytes of one connection, assembled into lines in <paramref name="lines"/>.</summary>
    internal void Write(ReadOnlySpan<byte> bytes, LineAssembler lines)
    {
        lock (_gate)
        {
            // Echo character by character, as they arrive: up to a line end (with the LF of a CRLF that came
            // along), execute it, then go on, so ATE0/ATE1 takes effect on the very next character and each
            // answer follows its own line's echo.
            while (!bytes.IsEmpty)
            {
                var end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
                if (end >= 0 && bytes[end] == '\r' && end + 1 < bytes.Length && bytes[end + 1] == '\n') end++;
                var piece = end < 0 ? bytes : bytes[..(end + 1)];
                if (_echo) _output.Raw(piece);
                lines.Feed(piece, Execute, Overflow);
                bytes = bytes[piece.Length..];
            }
        }
    }

    /// <summary>The one way into the log: every line of the module and its endpoints passes here.</summary>
    /// <summary>The one way out for a log line: secrets masked, control characters escaped.</summary>
    internal void Log(EmulatorLogLevel level, string text) =>
        Logged?.Invoke(this, new EmulatorLogEntry(level, PrintableText.Escape(_secrets.Mask(text))));

    /// <summary>
    /// Argument counts of the sibling M5311 (docs/dialects.md) that the parser reads for the analyzer: the M5310-A
    /// counts the manual's arguments, so to it they are a syntax error.
    /// </summary>
    private static readonly string[] SiblingForms = [CodeList.MqttCfgEighthArgument.Code, CodeList.WillFieldsOmitted.Code];

    private void Overflow()
    {
        Log(EmulatorLogLevel.Warn, $"> (line longer than {Options.MaxLineLength} bytes)");
        Finish(new FinalResult(FinalResultKind.CmeError, 601));
    }

    private void Execute(byte[] line)
    {
        var text = Encoding.UTF8.GetString(line);
        var parsed = AtCommandParser.Parse(HostBytes.Read(line));
        Log(EmulatorLogLevel.Info, "> " + _received.MaskLine(text));
        Finish(parsed.Value switch
        {
            // Not even a command (no AT): ERROR like any unknown one; broken arguments: syntax error.
            null when !text.StartsWith("AT", StringComparison.OrdinalIgnoreCase) => new FinalResult(FinalResultKind.Error),
            null => new FinalResult(FinalResultKind.CmeError, 601),
            UnknownCommand => new FinalResult(FinalResultKind.Error),
            _ when parsed.Deviations.Any(d => SiblingForms.Contains(d.Code)) => new FinalResult(FinalResultKind.CmeError, 601),
            var command => Run(HostBytes.Names(command)),
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
            case RevisionRead:
                _output.Line(Options.Revision);
                break;
            case IdentificationRead:
                // Maker, model, revision: the lines V.250 leaves to the manufacturer.
                _output.Line("China Mobile");
                _output.Line("M5310-A");
                _output.Line("Revision: " + Options.Revision);
                break;
            default:
                return _session.Execute(command);
        }
        return new FinalResult(FinalResultKind.Ok);
    }

    // The one way out to the log: a CFG line with junk before AT, or a password the host repeats, is masked too.

    private void Answer(InformationResponse response) => _output.Line(response.Format(Options.Dialect));

    private void Finish(FinalResult result) => _output.Line(result.Format(Options.Dialect));

    /// <summary>Sends <paramref name="text"/> as a line of its own (a URC the real module would send), never inside another line.</summary>
    public void SendUnsolicited(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate) _output.Line(text);
    }

    /// <summary>Turns echo on or off as <c>ATE1</c>/<c>ATE0</c> would, from the next character on.</summary>
    public void SetEcho(bool on)
    {
        lock (_gate) _echo = on;
    }

    /// <summary>
    /// Restarts the module as a power cycle would: the MQTT instance and its connection are gone (state 0), echo,
    /// <c>AT+MQTTTO</c> and ping reports are back to their power-on values. Faults stay as they are: they belong to
    /// the world around the module.
    /// </summary>
    public async Task ResetAsync()
    {
        MqttSession old;
        lock (_gate)
        {
            old = _session;
            old.PowerOff();
            _session = new MqttSession(_gate, _output, Options, Faults);
            _echo = Options.Echo;
        }
        await old.DisposeAsync();
    }

    public ValueTask DisposeAsync()
    {
        MqttSession session;
        lock (_gate) session = _session;
        return session.DisposeAsync();
    }
}
