using System.Runtime.CompilerServices;

namespace Conformance.Corpora;

/// <summary>Interpolates straight into a <see cref="CorpusWriter"/>'s buffer.</summary>
[InterpolatedStringHandler]
internal readonly ref struct TextHandler
{
    private readonly CorpusWriter _writer;

    // The two lengths are part of the handler pattern; the writer grows as needed.
    public TextHandler(int literalLength, int formattedCount, CorpusWriter writer) => _writer = writer;

    public void AppendLiteral(string text) => _writer.Append(text);

    public void AppendFormatted(string text) => _writer.Append(text);

    public void AppendFormatted(int value) => _writer.Append(value);

    public void AppendFormatted(ReadOnlySpan<byte> bytes) => _writer.Append(bytes);
}
