using Conformance.Protocol.Responses;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using Conformance.Protocol.Catalog;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Families;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Interpretation;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Events;

/// <summary>
/// Reads module output into <see cref="AtEvent"/>s against the pending command: the one place where bytes get
/// their meaning (the rules are in docs/interpretation.md). Feed it chunks of any size; tell it each command the
/// host sends. Sans-I/O, like the tokenizer underneath.
/// </summary>
public sealed class AtEventReader
{
    // The first distinct URC lines of a stream are kept; that is where the repeating ones show up.
    private const int MeaningCapacity = 256;

    private readonly AtTokenizer _tokenizer;
    private readonly bool _commandsKnown;
    private readonly Dictionary<string, Interpretation.Interpretation> _urcMeanings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Interpretation.Interpretation> _finalMeanings = new(StringComparer.Ordinal);
    // By command, then by text, both ordinal: a tuple key would hash both strings with the randomized string hash, per
    // answer line (a module can send thousands of one-byte answer lines to one command).
    private readonly Dictionary<string, Dictionary<string, Interpretation.Interpretation?>> _answerMeanings = new(StringComparer.Ordinal);
    private int _answerCount;
    private readonly RecentLines _recent = new();
    private readonly AckReadings _acks = new();
    private PendingLine? _pending;
    private PendingLine? _spare;
    private byte[] _sent = new byte[256];   // the command line's bytes for the tokenizer, which copies them
    private bool _promptedAfterFinal;

    /// <param name="options">The tokenizer's limits; <see cref="AtTokenizerOptions.CommandsKnown"/> is true unless
    /// said otherwise, and false reads a capture of module output alone, where no command is tracked.</param>
    public AtEventReader(AtTokenizerOptions? options = null)
    {
        options ??= new AtTokenizerOptions { CommandsKnown = true };
        _tokenizer = new AtTokenizer(options);
        _commandsKnown = options.CommandsKnown;
    }

    /// <summary>
    /// True when every event <see cref="TryRead"/> returns is the same object, filled again by the next call: for a
    /// consumer that keeps nothing of an event past the call but its parts (its text, its meaning). False by default.
    /// </summary>
    public bool LendsEvents { get; set; }

    private AtEvent? _lent;

    /// <summary>Total bytes consumed so far (the stream offset of the next byte).</summary>
    public long Position => _tokenizer.Position;

    /// <summary>The command line waiting for its final result; null when none is.</summary>
    public string? Pending => _pending?.Line;

    /// <summary>
    /// True after a prompt, until the final result: what the host sends now is data, not a command. A prompt after
    /// the command's final result (ESP-AT: <c>AT+MQTTLONGPASSWORD=0,16</c>, <c>OK</c>, <c>&gt;</c>) holds until the module's next line.
    /// </summary>
    public bool AwaitingData => _pending?.Prompted == true || _promptedAfterFinal;

    /// <summary>Tells the reader the host sent <paramref name="commandLine"/> (without line end).</summary>
    public void CommandSent(string commandLine)
    {
        commandLine = LineEditing.Apply(commandLine);
        // One command is pending at a time, and the one before is forgotten: its object serves the next.
        _pending = (_spare ??= new PendingLine()).Begin(commandLine);
        var length = Encoding.UTF8.GetMaxByteCount(commandLine.Length);
        if (_sent.Length < length) _sent = new byte[Math.Max(length, _sent.Length * 2)];
        _tokenizer.CommandSent(_sent.AsSpan(0, Encoding.UTF8.GetBytes(commandLine, _sent)));
    }

    /// <summary>
    /// Reads the next event, consuming from <paramref name="input"/> what it needs (an incomplete line is kept for
    /// the next call). Returns false when <paramref name="input"/> is used up.
    /// </summary>
    /// <param name="input">Unread module output; advanced past what was consumed.</param>
    /// <param name="atEvent">The event read.</param>
    /// <param name="isFinalBlock">True when no more input will ever come: an incomplete last line is then read as truncated.</param>
    public bool TryRead(ref ReadOnlySpan<byte> input, [NotNullWhen(true)] out AtEvent? atEvent, bool isFinalBlock = false)
    {
        while (_tokenizer.TryRead(ref input, out var frame, isFinalBlock))
        {
            atEvent = Read(frame);
            if (atEvent is not null) return true;
        }
        atEvent = null;
        return false;
    }

    private AtEvent? Read(in AtFrame frame)
    {
        var atEvent = Interpret(frame);
        if (atEvent is not null) _promptedAfterFinal = atEvent.Kind == AtEventKind.Prompt && _pending is null;
        return atEvent;
    }

    private AtEvent? Interpret(in AtFrame frame)
    {
        var text = _recent.Decode(frame.Text);
        switch (frame.Kind)
        {
            case FrameKind.Noise: return Make(frame, text, AtEventKind.Noise);
            case FrameKind.Overflow: return Make(frame, text, AtEventKind.Overflow);
            case FrameKind.Prompt: return Prompt(frame, text);
            case FrameKind.Final: return Final(frame, text);
        }
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (frame.HasPayload) return Urc(frame, text);

        var pending = _pending;
        if (pending is null)
        {
            // Nothing pending: a command line is a command the log shows only by its echo; it is pending from now on.
            if (_commandsKnown && LineShape.IsCommand(text))
            {
                CommandSent(text);
                _pending!.Echoed = _pending.FromEcho = true;
                return Echo(frame, text, _pending.Line);
            }
            if (_commandsKnown && LineShape.CommandAfterJunk(text) is var junk and > 0)
            {
                // Stray characters before an echoed command: the command, with the junk noted.
                var command = text[junk..];
                CommandSent(command);
                _pending!.Echoed = _pending.FromEcho = true;
                return Make(frame, text, AtEventKind.Echo, command, meaning: Interpretation.Interpretation.From(Commands.AtCommandParser.Parse(command)),
                    order: Deviation.Of(CodeList.JunkBeforeAt, $"{junk} stray character(s) before the echoed AT"));
            }
            if (frame.Kind == FrameKind.Echo) return Echo(frame, text, null);
            if (frame.Kind == FrameKind.Info && !LineShape.IsFreeText(text) && LineShape.Banner(text) is null)
                return Information(frame, text, null);   // a capture without the host side: answers by name alone
        }
        else if (frame.Kind is FrameKind.Echo || text == pending.Line)
        {
            // The echo, or the same line again (a terminal's local echo and the module's).
            pending.Echoed = true;
            return Echo(frame, text, pending.Line);
        }
        else if (frame.Kind == FrameKind.Info)
        {
            if (LineShape.IsWordPrompt(text)) return Prompt(frame, text);
            // The data's own result (SIM800 `SEND OK`): an answer; a command that gets no OK after it is answered by it.
            if (pending.Prompted && ProtocolCatalog.DataResults.ContainsKey(text)) pending.DataResult = true;
            if (pending.FromEcho && pending.Echoed && (!pending.Prompted || pending.DataResult) && LineShape.IsCommand(text))
            {
                // A capture of module output alone: another command's echo while one waits means that one's answer was
                // lost. The new command starts; the consumer closes the old one.
                CommandSent(text);
                _pending!.Echoed = _pending.FromEcho = true;
                return Echo(frame, text, _pending.Line);
            }
            if (LineShape.Banner(text) is { } banner) return Word(frame, text, banner);
            if (LineShape.IsFreeText(text)) return Make(frame, text, AtEventKind.Text);
            if (!pending.Echoed && !pending.Answered && LineShape.IsCommand(text))
            {
                // The first line is a command, not the one sent: the echo, differing.
                pending.Echoed = true;
                return Echo(frame, text, pending.Line);
            }
            pending.Answered = true;
            return Information(frame, text, pending);
        }

        if (LineShape.IsNamed(text)) return Urc(frame, text);
        if (LineShape.Banner(text) is { } word) return Word(frame, text, word);
        return Make(frame, text, AtEventKind.Text);
    }

    private AtEvent Prompt(in AtFrame frame, string text)
    {
        if (_pending is not null) _pending.Prompted = true;
        return Make(frame, text, AtEventKind.Prompt, _pending?.Line);
    }

    private AtEvent Final(in AtFrame frame, string text)
    {
        var command = _pending?.Line;
        _pending = null;
        // A bare OK carries nothing to interpret: no deviation, no error code; another result repeats (`+CME ERROR: 3`).
        var meaning = frame.Result == FinalResultKind.Ok && frame.Text.Length == 2 ? Ok : FinalMeaning(frame, text);
        return Make(frame, text, AtEventKind.Final, command, meaning: meaning);
    }

    private Interpretation.Interpretation FinalMeaning(in AtFrame frame, string text)
    {
        if (_finalMeanings.TryGetValue(text, out var meaning)) return meaning;
        meaning = FrameInterpreter.Interpret(frame, text);
        if (_finalMeanings.Count < MeaningCapacity) _finalMeanings.Add(text, meaning);
        return meaning;
    }

    private static readonly Interpretation.Interpretation Ok = new(Responses.FinalResult.Parse("OK").Value, []);

    // The echo repeats the keystrokes: what it means is the command they typed.
    private AtEvent Echo(in AtFrame frame, string text, string? command) =>
        Make(frame, text, AtEventKind.Echo, command, meaning: Interpretation.Interpretation.From(Commands.AtCommandParser.Parse(LineEditing.Apply(text))));

    private AtEvent Information(in AtFrame frame, string text, PendingLine? pending) =>
        Make(frame, text, AtEventKind.Information, pending?.Line, meaning: AnswerMeaning(frame, text, pending?.Name));

    /// <summary>An answer's meaning; one that repeats word for word to the same command (<c>+CSQ: 20,99</c>) is parsed once.</summary>
    private Interpretation.Interpretation? AnswerMeaning(in AtFrame frame, string text, string? command)
    {
        var answers = _answerMeanings.GetValueOrDefault(command ?? "");
        if (answers is not null && answers.TryGetValue(text, out var meaning)) return meaning;
        // Typed only for the commands whose answers the catalog knows; other answers (AT+GMR's) are kept as text.
        var name = command ?? (text.StartsWith('+') ? Encoding.ASCII.GetString(LineClassifier.NameOf(frame.Text)) : null);
        meaning = name is not null && ProtocolCatalog.Command(name)?.Answers == true ? FrameInterpreter.Interpret(frame, text, name) : null;
        if (_answerCount >= MeaningCapacity) return meaning;
        if (answers is null) _answerMeanings.Add(command ?? "", answers = new(StringComparer.Ordinal));
        answers.Add(text, meaning);
        _answerCount++;
        return meaning;
    }

    private AtEvent Urc(in AtFrame frame, string text)
    {
        var nameBytes = LineClassifier.NameOf(frame.Text);
        var name = LineClassifier.KnownName(nameBytes) ?? Encoding.UTF8.GetString(nameBytes);
        var meaning = Meaning(frame, text, name);
        if (_pending is not { } pending) return Make(frame, text, AtEventKind.Urc, name: name, meaning: meaning);
        // Another family's outcome before the final result (ESP-AT's `+MQTTCONNECTED` before OK): its own order, no deviation.
        if (pending.FamilyOutcome == name) return Make(frame, text, AtEventKind.Urc, pending.Line, name, meaning);
        if (pending.IsOutcome(name))
        {
            // Seen in the field: the outcome before the command's own OK. Accepted as the outcome, noted as out of the manual's order.
            var section = ProtocolCatalog.Command(pending.Name)?.Section ?? "1.11";
            var order = Deviation.Of(CodeList.OutcomeBeforeFinal, $"{name} arrived before the final result of {pending.Line}; the manual sends OK first", section);
            return Make(frame, text, AtEventKind.Urc, pending.Line, name, meaning ?? Interpretation.Interpretation.None, order);
        }
        return Make(frame, text, AtEventKind.Urc, name: name, meaning: meaning);
    }

    /// <summary>A banner or a family's word result code (<c>CONNACK OK</c>): a URC, the pending command's outcome when it is that.</summary>
    private AtEvent Word(in AtFrame frame, string text, string word)
    {
        var command = _pending?.FamilyOutcome == word ? _pending.Line : null;
        // A module that restarts forgets the command it was running: no final result will come for it.
        if (ProtocolCatalog.Restarts.Contains(word)) (_pending, _promptedAfterFinal) = (null, false);
        return Make(frame, text, AtEventKind.Urc, command, word);
    }

    /// <summary>The one place an event is built: a single allocation beyond its text (none when lent), whatever the policy decided.</summary>
    private AtEvent Make(in AtFrame frame, string text, AtEventKind kind, string? command = null, string? name = null,
        Interpretation.Interpretation? meaning = null, Deviation? order = null) =>
        (LendsEvents ? _lent ??= new AtEvent() : new AtEvent()).Set(kind, frame.Offset, frame.Length, text,
            raw: Utf8.IsValid(frame.Text) ? null : frame.Text.ToArray(),   // valid UTF-8 comes back from the text
            command, name,
            meaning is null ? Interpretation.Interpretation.None
                : order is null ? meaning : meaning with { Deviations = [.. meaning.Deviations, order] },
            frame.Result, frame.ErrorCode,
            // A parsed publish already holds its own copy of the message.
            payload: !frame.HasPayload ? null : meaning?.Value is Responses.MqttPublish publish ? publish.Message : frame.Payload.ToArray(),
            frame.PayloadInline, frame.IsTruncated, _tokenizer.LineEndBefore, _tokenizer.LineEndOffset);

    /// <summary>A URC line's meaning; a line that repeats word for word (<c>+MQTTPINGRSP: OK</c>) is parsed once, an ack of a known form not at all (<see cref="AckReadings"/>).</summary>
    private Interpretation.Interpretation Meaning(in AtFrame frame, string text, string name)
    {
        if (frame.HasPayload) return FrameInterpreter.Interpret(frame, text);
        if (_acks.Read(frame.Text, name) is { } ack) return ack;
        if (_urcMeanings.TryGetValue(text, out var meaning)) return meaning;
        meaning = FrameInterpreter.Interpret(frame, text);
        _acks.Learn(frame.Text, name, meaning);
        if (_urcMeanings.Count < MeaningCapacity) _urcMeanings.Add(text, meaning);
        return meaning;
    }

    /// <summary>The command the reader holds as pending, and what it has seen of its answer.</summary>
    private sealed class PendingLine
    {
        private bool _read;

        /// <summary>The command <paramref name="line"/> is now pending, nothing seen of its answer yet.</summary>
        public PendingLine Begin(string line)
        {
            Line = line;
            Name = ProtocolCatalog.NameOf(line, out _read);
            (_familyOutcomeKnown, _familyOutcome) = (false, null);
            (Echoed, DataResult, FromEcho, Answered, Prompted) = (false, false, false, false, false);
            return this;
        }

        public string Line { get; private set; } = "";
        public string Name { get; private set; } = "";

        /// <summary>For another family's command, the line that carries its outcome (<c>+QMTOPEN</c>); null otherwise.</summary>
        /// <remarks>Looked up when a URC comes while the command is pending, not per command: most commands see none.</remarks>
        public string? FamilyOutcome => _familyOutcomeKnown ? _familyOutcome
            : (_familyOutcomeKnown = true, _familyOutcome = ModuleFamilies.OutcomeOf(Line)).Item2;

        private bool _familyOutcomeKnown;
        private string? _familyOutcome;

        /// <summary>True when URC <paramref name="urc"/> carries this command's outcome (a read form has none).</summary>
        public bool IsOutcome(string urc) => !_read && ProtocolCatalog.Urc(urc)?.OutcomeOf == Name;

        public bool Echoed { get; set; }

        /// <summary>True once the data sent after a prompt got its result (<c>SEND OK</c>).</summary>
        public bool DataResult { get; set; }

        /// <summary>True for a command known only by its echo (no host side in the log).</summary>
        public bool FromEcho { get; set; }
        public bool Answered { get; set; }
        public bool Prompted { get; set; }
    }
}
