using Conformance.Protocol.Catalog;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Framing;

namespace Conformance.Analyzer.Readers;

/// <summary>
/// Rejoins a line a terminal split over two stamps: tools that stamp each read of the port (Tera Term, SSCOM,
/// Docklight) end a line wherever a read ended, so <c>[12:00:00.100] +MQTTOP</c> / <c>[12:00:00.102] EN: OK</c>
/// is one line of the module. Two pieces are one line only when that is unambiguous: the second follows within
/// <see cref="Within"/>, starts no line of its own, and completes the shape the first leaves unfinished — a name cut
/// short (<c>AT+MQTTP</c> / <c>UB="t",…</c>, <c>+MQTTOP</c> / <c>EN: OK</c>, <c>AT</c> / <c>+MQTTSTAT?</c>), a quote left
/// open, a parameter list cut after a comma, a message shorter than its msg_len (<c>+MQTTPUBLISH: …,10,temp=2</c> /
/// <c>1.5C</c>; the pieces may fill it exactly even where the second looks like a line of its own), a hex message of
/// <c>AT+MQTTPUB</c> shorter than its message_len says (<c>AT+MQTTPUB=$dp,2,1,0,30,03001B7b22</c> / <c>7465…</c>, quoted or
/// not, in as many pieces as the terminal cut), a command cut inside a number or a word (<c>AT+MQTTCFG=…,"dev1",1</c> /
/// <c>20,"prod1",…</c>: the first piece no whole command, the two together one), or a final result cut (<c>O</c> / <c>K</c>). A piece that still leaves the shape unfinished waits for the next.
/// The joined record says so (<see cref="RecordView.Rejoined"/>).
/// </summary>
/// <remarks>
/// Only a line that may be the first piece is held back (copied) until the next record; every other line passes
/// straight through, so the common line costs a few byte comparisons.
/// </remarks>
internal sealed class SplitLines(IRecordSink next) : IRecordSink
{
    /// <summary>The longest gap between the two pieces of one line: a few reads of the port.</summary>
    public static readonly TimeSpan Within = TimeSpan.FromMilliseconds(30);

    // The names a piece is completed into: the catalog's commands, answers and URCs (`+MQTTOPEN`), and every start of one.
    private static readonly NameTable Names = new(
        ProtocolCatalog.Commands.Select(c => c.Name).Where(n => n.Length > 0).Concat(ProtocolCatalog.UrcNames).Concat(ProtocolCatalog.ResponseNames));
    private static readonly NameTable Starts = new(Names.Names.SelectMany(n => Enumerable.Range(1, n.Length - 1).Select(length => n[..length])).Except(Names.Names));

    private byte[] _held = new byte[256];
    private int _heldLength = -1; // -1: nothing held
    private long _line;
    private string _file = "";
    private DateTimeOffset? _time;
    private TimeSpan? _sinceStart;
    private LogDirection _direction;
    private bool _stampNotATime;
    private bool _rejoined;
    private bool _timeInherited;
    private TextInHexRow? _notHex;

    /// <summary>The records <paramref name="reader"/> read, split lines joined where its format ends each line itself.</summary>
    public static IEnumerable<LogRecord> Of(LogReader reader, IEnumerable<LogRecord> records) => reader.EndsLines ? Join(records) : records;

    /// <summary>Joins split lines in records already read (the records of <see cref="LogSource.Read()"/>); the others pass as they are.</summary>
    private static IEnumerable<LogRecord> Join(IEnumerable<LogRecord> records)
    {
        LogRecord? held = null;
        byte[]? command = null;   // the line passed last, when it was a command
        foreach (var record in records)
        {
            if (held is not null)
            {
                var first = held;
                held = null;
                if (Joined(first.View, record.View) is { } data)
                {
                    var joined = first with
                    {
                        Data = data, Rejoined = true, NotHex = first.NotHex ?? record.NotHex, Direction = Side(first.Direction, data, command),
                    };
                    if (MayBeFirstPiece(joined.View)) held = joined;
                    else yield return Passed(joined);
                    continue;
                }
                yield return Passed(first);
            }
            if (MayBeFirstPiece(record.View)) held = record;
            else yield return Passed(record);
        }
        if (held is not null) yield return held;

        LogRecord Passed(LogRecord record)
        {
            command = record.Direction == LogDirection.ToModule ? record.Data : null;
            return record;
        }
    }

    /// <summary>
    /// The side of a joined line: the module's when the host's command it repeats was the line just before it. Cut by a read,
    /// the echo's first piece was no repeat of the command, so the log's guess took it for the host's (<see cref="DirectionGuess"/>).
    /// </summary>
    private static LogDirection Side(LogDirection first, ReadOnlySpan<byte> joined, ReadOnlySpan<byte> command) =>
        first == LogDirection.ToModule && !command.IsEmpty && Content(joined).SequenceEqual(Content(command)) ? LogDirection.FromModule : first;

    /// <remarks>
    /// The common line, nothing held and no first piece, passes on here; holding and joining are kept out of line, so a
    /// reader this is inlined into keeps a small frame (each record built there is zeroed on every call).
    /// </remarks>
    public void Add(in RecordView record)
    {
        if (_heldLength < 0 && !MayBeFirstPiece(record)) Pass(record);
        else HoldOrJoin(record);
    }

    // The command passed last, while no other line has followed it: a joined line repeating it is its echo (Side).
    private byte[] _command = new byte[128];
    private int _commandLength = -1;

    private void Pass(in RecordView record)
    {
        if (record.Direction == LogDirection.ToModule)
        {
            if (_command.Length < record.Data.Length) _command = new byte[Math.Max(record.Data.Length, _command.Length * 2)];
            record.Data.CopyTo(_command);
            _commandLength = record.Data.Length;
        }
        else _commandLength = -1;
        next.Add(record);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void HoldOrJoin(in RecordView record)
    {
        if (_heldLength >= 0)
        {
            if (Joined(Held, record) is { } joined)
            {
                _heldLength = -1;
                var side = Side(_direction, joined, _commandLength < 0 ? [] : _command.AsSpan(0, _commandLength));
                var view = new RecordView(_line, _file, _time, _sinceStart, side, joined, owner: joined, stampNotATime: _stampNotATime, rejoined: true,
                    notHex: _notHex ?? record.NotHex, timeInherited: _timeInherited);
                if (MayBeFirstPiece(view)) Hold(view);
                else Pass(view);
                return;
            }
            Flush();
        }
        if (MayBeFirstPiece(record)) Hold(record);
        else Pass(record);
    }

    /// <summary>Passes on the line held back, if any (at the end of the log).</summary>
    public void Flush()
    {
        if (_heldLength < 0) return;
        var length = _heldLength;
        _heldLength = -1;
        Pass(new RecordView(_line, _file, _time, _sinceStart, _direction, _held.AsSpan(0, length), stampNotATime: _stampNotATime, rejoined: _rejoined,
            notHex: _notHex, timeInherited: _timeInherited));
    }

    private RecordView Held => new(_line, _file, _time, _sinceStart, _direction, _held.AsSpan(0, _heldLength), stampNotATime: _stampNotATime, rejoined: _rejoined,
        notHex: _notHex, timeInherited: _timeInherited);

    private void Hold(in RecordView record)
    {
        if (_held.Length < record.Data.Length) _held = new byte[Math.Max(record.Data.Length, _held.Length * 2)];
        record.Data.CopyTo(_held);
        (_heldLength, _line, _file, _time, _sinceStart) = (record.Data.Length, record.Line, record.File, record.Time, record.SinceStart);
        (_direction, _stampNotATime, _rejoined, _timeInherited, _notHex) = (record.Direction, record.StampNotATime, record.Rejoined, record.TimeInherited, record.NotHex);
    }

    /// <summary>A stamped line that is no whole line: a name cut short, a quote left open, a final result cut.</summary>
    private static bool MayBeFirstPiece(in RecordView record)
    {
        if (record.Time is null && record.SinceStart is null) return false;
        var line = Content(record.Data);
        if (line.IsEmpty) return false;
        if (PublishHeader.TryFind(line, out var headerEnd, out var messageLength)) return headerEnd < line.Length && line.Length - headerEnd - 1 < messageLength;
        // A publish whose header is cut before its msg_len (a long topic, wrapped in a mail or cut by a read).
        if (line.StartsWith(Publish)) return line.IndexOfAny((byte)'\r', (byte)'\n') < 0;
        if (line.Length <= 4 && line[0] is (byte)'O' or (byte)'E') return "ERROR"u8.StartsWith(line) || line.SequenceEqual("O"u8);
        var name = NameAt(line);
        if (name < 0) return line.Length == 2 && DirectionGuess.StartsWithAt(line);   // `AT`, its command's name in the next read
        var nameEnd = line[name..].IndexOfAny(NameEnds);
        if (nameEnd < 0) return Starts.Contains(line[name..]);
        // A hex message cut short ends in a digit; a whole quoted one in its quote, and is no longer asked about.
        if (char.IsAsciiHexDigit((char)line[^1]) && HexPublish.Missing(line) is var missing and >= 0) return missing > 0;
        return (line[^1] == ',' || line.Count((byte)'"') % 2 == 1 || MayBeCutShort(line)) && line.IndexOfAny((byte)'\r', (byte)'\n') < 0;
    }

    /// <summary>
    /// A command of the catalog's with arguments (<c>AT+MQTTCFG="h",6002,"dev1",1</c>): a read may have ended inside a number
    /// or a word, where nothing in the bytes says so. Whether it did is asked only of the piece that follows (<see cref="Joined"/>),
    /// so that a whole command costs no parse.
    /// </summary>
    private static bool MayBeCutShort(ReadOnlySpan<byte> line)
    {
        if (NameAt(line) != 2 || line[^1] == ',') return false;
        var nameEnd = line[2..].IndexOfAny(NameEnds);
        return nameEnd > 0 && line[2 + nameEnd] == '=' && Names.Contains(line[2..(2 + nameEnd)]);
    }

    private static bool IsCommand(ReadOnlySpan<byte> line) => AtCommandParser.Parse(System.Text.Encoding.UTF8.GetString(line)).Success;

    /// <summary>The one line <paramref name="first"/> and <paramref name="next"/> are pieces of, line end included; null when they are two lines.</summary>
    private static byte[]? Joined(in RecordView first, in RecordView next)
    {
        var rest = Content(next.Data);
        if (rest.IsEmpty || rest.IndexOfAny((byte)'\r', (byte)'\n') >= 0 || !Close(first, next)) return null;
        if (next.Direction != first.Direction && next.Direction == LogDirection.ToModule) return null;
        var start = Content(first.Data);
        // After a command, the next line is most often one of its own (an echo, OK): nothing is copied for it.
        if (StartsLine(rest) && MayBeCutShort(start)) return null;
        var line = (byte[])[.. start, .. rest];
        bool completes;
        if (PublishHeader.TryFind(start, out var headerEnd, out var messageLength))
        {
            // The message so far, and the bytes it would have were the piece's line end its own (then the tokenizer reads it right as it is).
            var message = start.Length - headerEnd - 1 + rest.Length;
            completes = message == messageLength || (message < messageLength && !StartsLine(rest) && message + first.Data.Length - start.Length != messageLength);
        }
        else if (start.StartsWith(Publish))
        {
            // The header cut short: the pieces make it whole, and the message after it no longer than its msg_len.
            completes = !StartsLine(rest) && PublishHeader.TryFind(line, out var end, out var length) && (end == line.Length || line.Length - end - 1 <= length);
        }
        else if (HexPublish.Missing(start) > 0) completes = HexPublish.Missing(line) >= 0;
        else if (start.Length <= 4 && start[0] is (byte)'O' or (byte)'E') completes = line.AsSpan().SequenceEqual("OK"u8) || line.AsSpan().SequenceEqual("ERROR"u8);
        else if (start.IndexOfAny(NameEnds) < 0)
        {
            // A command's name ends at `=`, `?` or the line end, a response's at its colon or the line end.
            var at = NameAt(line);
            var name = line.AsSpan(Math.Max(at, 0));
            var nameEnd = name.IndexOfAny(NameEnds);
            completes = at >= 0 && (nameEnd < 0 ? Starts.Contains(name)
                : Names.Contains(name[..nameEnd]) && (at == 0 ? name[nameEnd] == ':' : name[nameEnd] is (byte)'=' or (byte)'?'));
        }
        else if (start.Count((byte)'"') % 2 == 1) completes = !StartsLine(rest) && rest.Count((byte)'"') % 2 == 1;
        else if (start[^1] == ',') completes = !StartsLine(rest);
        // Cut inside a number or a word: one line only where the pieces together make the command the first did not.
        else completes = MayBeCutShort(start) && !IsCommand(start) && IsCommand(line);
        return completes ? [.. line, .. next.Data[rest.Length..]] : null;
    }

    // The second piece follows the first within a few reads of the port.
    private static bool Close(in RecordView first, in RecordView next)
    {
        if (first.Time is { } before && next.Time is { } after) return after >= before && after - before <= Within;
        if (first.SinceStart is { } since && next.SinceStart is { } later) return later >= since && later - since <= Within;
        return false;
    }

    private static ReadOnlySpan<byte> Publish => "+MQTTPUBLISH:"u8;

    private static readonly System.Buffers.SearchValues<byte> NameEnds = System.Buffers.SearchValues.Create("=?: \","u8);

    // Where a command's or a response's name starts (its `+`), or -1: `AT+MQTTPUB…` at 2, `+MQTTOPEN…` at 0.
    private static int NameAt(ReadOnlySpan<byte> line) =>
        line[0] == '+' ? 0 : line.Length > 2 && (line[0] | 0x20) == 'a' && (line[1] | 0x20) == 't' && line[2] == '+' ? 2 : -1;

    // What starts a line of its own: a command, a response or URC, a final result.
    private static bool StartsLine(ReadOnlySpan<byte> piece) =>
        piece[0] == '+' || DirectionGuess.StartsWithAt(piece) || piece.StartsWith("OK"u8) || piece.StartsWith("ERROR"u8);

    // The line without its line end (and any CR or LF before it).
    private static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> data)
    {
        var end = data.Length;
        while (end > 0 && data[end - 1] is (byte)'\r' or (byte)'\n') end--;
        return data[..end];
    }
}
