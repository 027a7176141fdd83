namespace Conformance.Analyzer.Readers;

/// <summary>
/// How a row of a structured log writes its data, where the row says so itself: serial tools (a 串口调试助手's export,
/// SSCOM, a logic analyzer's UART decoder, a Python logger) that show some packets as text and others as hex write a
/// column for it (<c>time,dir,mode,data</c> with <c>ASCII</c>/<c>HEX</c>, <c>Text</c>/<c>Hex</c>, <c>文本</c>/<c>十六进制</c>,
/// <c>str</c>/<c>hex</c>, <c>A</c>/<c>H</c>), or put the word beside the direction (<c>TX(HEX)</c>, <c>发送 ASCII</c>).
/// </summary>
internal enum RowNotation
{
    /// <summary>The row says nothing: the data column's name decides (<c>data_hex</c>, <c>数据(HEX)</c>).</summary>
    Unsaid,

    /// <summary>The data is the text as written.</summary>
    Text,

    /// <summary>The data is the bytes as hex pairs (<c>41 54 0D 0A</c>).</summary>
    Hex,
}

/// <summary>The words and column names of <see cref="RowNotation"/>.</summary>
internal static class RowNotations
{
    // The names of a column of notations, compared as RowFields.Normal writes them. `type` and `类型` are the direction's
    // names too: they name the notation when another column names the direction.
    public static readonly string[] Names =
    [
        "mode", "format", "fmt", "encoding", "enc", "notation", "display", "view", "kind", "data_type", "datatype",
        "data_format", "dataformat", "data_mode", "data type", "data format", "data mode", "display mode", "repr",
        "hex/ascii", "ascii/hex", "a/h", "h/a", "hex/text", "text/hex",
        "格式", "编码", "模式", "显示", "显示模式", "显示格式", "数据格式", "数据类型", "编码格式", "数据模式", "字符格式", "type", "类型",
    ];

    /// <summary>What a cell of a notation column says; <paramref name="letters"/> lets a letter alone say it (<c>A</c>, <c>H</c>).</summary>
    public static RowNotation Of(ReadOnlySpan<char> cell, bool letters = true)
    {
        var word = cell.Trim().Trim('"').Trim();
        if (word.Length == 1) return !letters ? RowNotation.Unsaid : (word[0] | 0x20) == 'h' ? RowNotation.Hex : (word[0] | 0x20) == 'a' ? RowNotation.Text : RowNotation.Unsaid;
        foreach (var hex in HexWords)
            if (word.Equals(hex, StringComparison.OrdinalIgnoreCase)) return RowNotation.Hex;
        foreach (var text in TextWords)
            if (word.Equals(text, StringComparison.OrdinalIgnoreCase)) return RowNotation.Text;
        return RowNotation.Unsaid;
    }

    /// <summary>
    /// What a row says of its notation, in its notation cell or beside its direction (the cell wins), and its direction
    /// without the notation's word.
    /// </summary>
    public static (RowNotation Notation, string? Direction) Of(string? direction, string? notation)
    {
        var (beside, without) = InDirection(direction);
        return (notation is not null && Of(notation) is not RowNotation.Unsaid and var own ? own : beside, without);
    }

    /// <summary>
    /// A direction cell that names the notation too (<c>TX(HEX)</c>, <c>发送 ASCII</c>, <c>Recv/Hex</c>, <c>HEX发送</c>):
    /// the notation, and the direction without it. A cell of a notation alone (<c>ASCII</c> in a <c>类型</c> column) leaves no direction.
    /// </summary>
    private static (RowNotation Notation, string? Direction) InDirection(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return (RowNotation.Unsaid, cell);
        if (Of(cell, letters: false) is not RowNotation.Unsaid and var alone) return (alone, null);
        foreach (var (words, notation) in new[] { (HexWords, RowNotation.Hex), (TextWords, RowNotation.Text) })
            foreach (var word in words)
            {
                if (word.Length < 3 && !word.Contains('进')) continue;   // `h`-sized words are too short to find inside another
                var at = cell.IndexOf(word, StringComparison.OrdinalIgnoreCase);
                // A word of its own, not letters of another (`Display`, `Transmit`).
                if (at < 0 || at > 0 && char.IsAsciiLetter(cell[at - 1]) || at + word.Length < cell.Length && char.IsAsciiLetter(cell[at + word.Length])) continue;
                var rest = (cell[..at] + " " + cell[(at + word.Length)..]).Trim(' ', '(', ')', '[', ']', '（', '）', '/', '-', '_', ':', '|');
                if (rest.Length > 0) return (notation, rest);
            }
        return (RowNotation.Unsaid, cell);
    }

    private static readonly string[] HexWords = ["hex", "十六进制", "16进制", "hexadecimal", "hex string", "bytes"];

    private static readonly string[] TextWords = ["ascii", "text", "txt", "文本", "字符", "字符串", "str", "string", "char", "utf-8", "utf8", "gbk"];
}
