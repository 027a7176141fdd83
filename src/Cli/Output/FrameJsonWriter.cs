using Conformance.Protocol.Responses;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Conformance.Protocol.Events;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Interpretation;
using Conformance.Protocol.Secrets;

namespace Conformance.Cli.Output;

/// <summary>
/// Writes events as JSON lines: <c>{"kind":"urc","offset":42,"length":18,"text":"+MQTTSUBACK: 5,2"}</c>.
/// Text that is not valid UTF-8 is given byte for byte (Latin-1) with its exact bytes in a <c>…Hex</c> field.
/// Secrets are masked in the text, its hex and the messages alike, unless <paramref name="secrets"/> shows them.
/// </summary>
internal sealed class FrameJsonWriter(Stream output, SecretMasker secrets)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private Utf8JsonWriter? _json;
    // The events' texts as one stream of lines: a password sent after a prompt, or split by a line end, is known from the lines before.
    private readonly SecretStream _lines = secrets.Stream();

    public void Write(AtEvent atEvent)
    {
        _json ??= new Utf8JsonWriter(_buffer, Options);
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString("kind", KindName(atEvent.Kind));
        _json.WriteNumber("offset", atEvent.Offset);
        _json.WriteNumber("length", atEvent.Length);
        WriteText("text", _lines.MaskLine(atEvent.Text), secrets.Mask(atEvent.Raw), hexAlways: atEvent.Kind == AtEventKind.Noise);
        if (atEvent.Kind == AtEventKind.Final)
        {
            _json.WriteString("result", atEvent.Result switch { FinalResultKind.Ok => "ok", FinalResultKind.Error => "error", _ => "cmeError" });
            if (atEvent.ErrorCode >= 0) _json.WriteNumber("errorCode", atEvent.ErrorCode);
        }
        if (atEvent.Payload is { } payload)
        {
            WriteBytes("payload", secrets.Mask(payload), hexAlways: false);
            _json.WriteNumber("payloadLength", payload.Length);
            _json.WriteBoolean("payloadInline", atEvent.PayloadInline);
        }
        if (atEvent.IsTruncated) _json.WriteBoolean("truncated", true);
        WriteInterpretation(atEvent.Meaning);
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

    // A line's text as decoded (UTF-8, or GBK for a Chinese tool's line), with its exact bytes when they are not UTF-8.
    private void WriteText(string name, string text, byte[] raw, bool hexAlways)
    {
        _json!.WriteString(name, text);
        if (hexAlways || !Utf8.IsValid(raw)) _json.WriteString(name + "Hex", Convert.ToHexString(raw));
    }

    private void WriteBytes(string name, ReadOnlySpan<byte> bytes, bool hexAlways)
    {
        var valid = Utf8.IsValid(bytes);
        // As a line's text is decoded: a Chinese tool's or firmware's GBK message reads as its characters.
        if (valid) _json!.WriteString(name, bytes);
        else _json!.WriteString(name, LineText.Decode(bytes));
        if (!valid || hexAlways) _json.WriteString(name + "Hex", Convert.ToHexString(bytes));
    }

    public async Task FlushAsync(CancellationToken cancel)
    {
        if (_buffer.WrittenCount == 0) return;
        await output.WriteAsync(_buffer.WrittenMemory, cancel);
        await output.FlushAsync(cancel);
        _buffer.ResetWrittenCount();
    }

    private static string KindName(AtEventKind kind) => kind switch
    {
        AtEventKind.Information => "info",
        AtEventKind.Final => "final",
        AtEventKind.Urc => "urc",
        AtEventKind.Echo => "echo",
        AtEventKind.Prompt => "prompt",
        AtEventKind.Text => "text",
        AtEventKind.Noise => "noise",
        _ => "overflow",
    };
}
