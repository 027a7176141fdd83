using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Interpretation;
using Conformance.Protocol.Secrets;

namespace Conformance.Cli.Output;

/// <summary>
/// Writes frames as JSON lines: <c>{"kind":"urc","offset":42,"length":18,"text":"+MQTTSUBACK: 5,2"}</c>.
/// Text that is not valid UTF-8 is given byte for byte (Latin-1) with its exact bytes in a <c>…Hex</c> field.
/// Secrets are masked in the text, its hex and the messages alike, unless <paramref name="secrets"/> shows them.
/// </summary>
internal sealed class FrameJsonWriter(Stream output, SecretMasker secrets)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private Utf8JsonWriter? _json;

    public void Write(in AtFrame frame)
    {
        _json ??= new Utf8JsonWriter(_buffer, Options);
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString("kind", KindName(frame.Kind));
        _json.WriteNumber("offset", frame.Offset);
        _json.WriteNumber("length", frame.Length);
        WriteBytes("text", secrets.Mask(frame.Text), hexAlways: frame.Kind == FrameKind.Noise);
        if (frame.Kind == FrameKind.Final)
        {
            _json.WriteString("result", frame.Result switch { FinalResultCode.Ok => "ok", FinalResultCode.Error => "error", _ => "cmeError" });
            if (frame.ErrorCode >= 0) _json.WriteNumber("errorCode", frame.ErrorCode);
        }
        if (frame.HasPayload)
        {
            WriteBytes("payload", secrets.Mask(frame.Payload), hexAlways: false);
            _json.WriteNumber("payloadLength", frame.Payload.Length);
            _json.WriteBoolean("payloadInline", frame.PayloadInline);
        }
        if (frame.IsTruncated) _json.WriteBoolean("truncated", true);
        WriteInterpretation(FrameInterpreter.Interpret(frame));
        _json.WriteEndObject();
        _json.Flush();
        _buffer.Write("\n"u8);
    }

    // What the typed parsers make of the frame: deviations from the manual's form, or why it is not understood.
    private void WriteInterpretation(Interpretation meaning)
    {
        if (meaning.Error is not null)
        {
            _json!.WriteString("error", secrets.Mask(meaning.Error));
            if (meaning.ErrorPosition >= 0) _json.WriteNumber("errorPosition", meaning.ErrorPosition);
        }
        if (meaning.Deviations.Count == 0) return;
        _json!.WriteStartArray("deviations");
        foreach (var deviation in meaning.Deviations)
        {
            _json.WriteStartObject();
            _json.WriteString("code", deviation.Code);
            _json.WriteString("section", deviation.Section);
            _json.WriteString("message", secrets.Mask(deviation.Message));
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
    }

    private void WriteBytes(string name, ReadOnlySpan<byte> bytes, bool hexAlways)
    {
        var valid = Utf8.IsValid(bytes);
        if (valid) _json!.WriteString(name, bytes);
        else _json!.WriteString(name, Encoding.Latin1.GetString(bytes));
        if (!valid || hexAlways) _json.WriteString(name + "Hex", Convert.ToHexString(bytes));
    }

    public async Task FlushAsync(CancellationToken cancel)
    {
        if (_buffer.WrittenCount == 0) return;
        await output.WriteAsync(_buffer.WrittenMemory, cancel);
        await output.FlushAsync(cancel);
        _buffer.ResetWrittenCount();
    }

    private static string KindName(FrameKind kind) => kind switch
    {
        FrameKind.Info => "info",
        FrameKind.Final => "final",
        FrameKind.Urc => "urc",
        FrameKind.Echo => "echo",
        FrameKind.Prompt => "prompt",
        FrameKind.Noise => "noise",
        _ => "overflow",
    };
}
