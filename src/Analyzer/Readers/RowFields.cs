using Conformance.Protocol.Events;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// The names a structured log gives the fields of a row of traffic — a CSV export's header, a JSON object's keys —
/// in the words serial tools, spreadsheets and loggers write them, English and Chinese alike: the time
/// (<c>time</c>, <c>Timestamp</c>, <c>时间</c>, <c>时间戳</c>), the direction (<c>direction</c>, <c>dir</c>,
/// <c>方向</c>, <c>收/发</c>, <c>发送/接收</c>, <c>类型</c>) and the traffic (<c>data</c>, <c>message</c>, <c>数据</c>,
/// <c>内容</c>). A name is compared as <see cref="Normal"/> writes it, so <c>Data (ASCII)</c>, <c>数据(ASCII)</c>,
/// <c>Time [s]</c> and <c>"Time"</c> are the names they qualify. Earlier names win where a row has several.
/// </summary>
internal static class RowFields
{
    public static readonly string[] Time =
    [
        "ts", "time", "timestamp", "@timestamp", "t", "date", "datetime", "asctime", "unix_time", "iso_time",
        "start_time", "start time", "elapsed", "elapsed_time", "elapsed time", "relative_time", "relative time", "time_offset",
        "时间", "时间戳", "时间标签", "接收时间", "发送时间", "日期时间", "相对时间",
    ];

    // A date kept in a column of its own, before a time column's time of day (`Date,Time`, `日期,时间`).
    public static readonly string[] Date = ["date", "日期"];

    // `类型` and `type` last: some tools name their direction column so (`时间戳,类型,内容` with `发送`/`接收`), others
    // the row's notation (`ASCII`/`HEX`), which then says no direction and leaves it to the text.
    public static readonly string[] Direction =
    [
        "dir", "direction", "tx/rx", "rx/tx", "方向", "收/发", "发/收", "收发", "发送/接收", "接收/发送", "传输方向", "数据方向",
        "类型", "type",
    ];

    public static readonly string[] Data =
    [
        "msg", "message", "data", "line", "text", "payload", "@message", "content", "ascii", "raw",
        "数据", "内容", "消息", "报文", "数据内容", "消息内容", "原始数据", "文本", "hex", "十六进制",
    ];

    // The module a row is of, in a log of several (a gateway's, a test rig's): its port or its device (LogChannels).
    public static readonly string[] Channel =
    [
        "port", "device", "dev", "device_id", "deviceid", "imei", "channel", "tty", "com", "serial_port", "modem",
        "端口", "串口", "设备", "设备号", "通道",
    ];

    /// <summary>
    /// A field's name as compared: trimmed, in lower case, without the quotes of a CSV cell, a byte order mark a file
    /// joined to another kept, nor a note in brackets after it (<c>数据(ASCII)</c>, <c>Data (Hex)</c>, <c>Time [s]</c>,
    /// <c>时间（ms）</c>).
    /// </summary>
    public static string Normal(string name)
    {
        var span = name.AsSpan().Trim().TrimStart('\uFEFF').Trim().Trim('"').Trim();
        var note = span.IndexOfAny("([（【");
        if (note > 0) span = span[..note].TrimEnd();
        var normal = span.ToString().ToLowerInvariant();
        // `data_hex`, `Data Hex`: the data, its notation after it; `time_ms`, `time_s`: the time, its unit after it.
        foreach (var after in Qualifiers)
            if (normal.Length > after.Length + 1 && normal.EndsWith(after, StringComparison.Ordinal) && normal[^(after.Length + 1)] is '_' or '-' or ' ')
                return normal[..^(after.Length + 1)];
        return normal;
    }

    private static readonly string[] Qualifiers = ["hex", "ms", "us", "ns", "s", "sec"];

    /// <summary>
    /// The traffic a data field holds: the bytes its hex writes, where the row says hex, or says nothing and the field's
    /// name says hex, and it is hex (<c>41 54 0D 0A</c>, <c>0x41 0x54</c>, <c>41-54-0D-0A</c>); else as written.
    /// <c>Unended</c> for bytes that end in no line end: a packet of the port cut within a line, whose rest is the next row's.
    /// <c>NotHex</c> says what is wrong with a field the row says is hex and is not (<c>HEX,AT+CSQ</c>): it is read as
    /// written, nothing the log holds lost, and the timeline says so.
    /// </summary>
    public static (string Text, bool Unended, string? NotHex) Traffic(string name, string value, RowNotation notation = RowNotation.Unsaid)
    {
        if ((notation == RowNotation.Hex || notation == RowNotation.Unsaid && IsHex(name)) && HexCell.Bytes(value) is { } bytes)
            return (LineText.Decode(bytes), bytes[^1] is not ((byte)'\r' or (byte)'\n'), null);
        return (value, false, notation == RowNotation.Hex ? HexCell.Fault(value) : null);
    }

    /// <summary>True for a data field whose name says it holds the bytes in hex (<c>data_hex</c>, <c>数据(HEX)</c>, <c>Data (Hex)</c>, <c>十六进制</c>).</summary>
    public static bool IsHex(string name) =>
        name.Contains("hex", StringComparison.OrdinalIgnoreCase) || name.Contains("16进制", StringComparison.Ordinal) || name.Contains("十六进制", StringComparison.Ordinal);

    /// <summary>
    /// The position of the first of <paramref name="wanted"/> among <paramref name="names"/> (as <see cref="Normal"/> writes
    /// them), other than the columns <paramref name="taken"/>; -1 when none is.
    /// </summary>
    public static int Find(IReadOnlyList<string> names, string[] wanted, params ReadOnlySpan<int> taken)
    {
        foreach (var name in wanted)
            for (var i = 0; i < names.Count; i++)
                if (names[i] == name && !taken.Contains(i)) return i;
        return -1;
    }
}
