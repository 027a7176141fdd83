using System.Text;
using System.Text.Unicode;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// One physical line of a log file: its bytes without and with the line end, and its text decoded per line
/// (valid UTF-8 as UTF-8, anything else as GBK, because Chinese tools mix both in one file).
/// </summary>
/// <remarks>The byte memory belongs to the splitter and is valid until the next line is read: copy what you keep.</remarks>
internal sealed class LogLine(string file, long number, ReadOnlyMemory<byte> content, ReadOnlyMemory<byte> ending)
{
    private static readonly Encoding Gbk = CreateGbk();
    private string? text;
    private Encoding? encoding;

    public string File { get; } = file;
    public long Number { get; } = number;
    public ReadOnlyMemory<byte> Content { get; } = content;
    /// <summary>CR LF, LF, CR, or empty for a last line without line end.</summary>
    public ReadOnlyMemory<byte> Ending { get; } = ending;

    /// <summary>The row of a structured log this line was written from, when it says hex and is not (<see cref="TextInHexRow"/>).</summary>
    public TextInHexRow? NotHex { get; init; }

    public Encoding Encoding => encoding ??= Utf8.IsValid(Content.Span) ? Encoding.UTF8 : Gbk;

    public string Text => text ??= Encoding.GetString(Content.Span);

    /// <summary>The content bytes from a character position of <see cref="Text"/> on, exactly as in the file.</summary>
    public byte[] BytesFrom(int charIndex) =>
        Content.Span[Encoding.GetByteCount(Text.AsSpan(0, charIndex))..].ToArray();

    /// <summary>Text of this line, encoded back the way the line was written.</summary>
    public byte[] Encode(string value) => Encoding.GetBytes(value);

    /// <summary>The line with its own copy of the bytes, to keep past the next read (the splitter reuses its buffer).</summary>
    public LogLine Kept() => new(File, Number, Content.ToArray(), Ending.ToArray()) { NotHex = NotHex };

    /// <summary>The content followed by the line end as in the file.</summary>
    public byte[] BytesWithEnding() => [.. Content.Span, .. Ending.Span];

    private static Encoding CreateGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    }
}
