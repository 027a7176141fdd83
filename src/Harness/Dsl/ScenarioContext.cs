using Conformance.Harness.Links;
using Conformance.Harness.Session;
using Conformance.Protocol.Catalog;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Responses;

namespace Conformance.Harness.Dsl;

/// <summary>What the steps of a running scenario share: the session, the target, the last reply, the findings so far.</summary>
internal sealed class ScenarioContext(AtSession session, ILink link)
{
    private readonly List<CommandReply> _replies = [];
    private readonly List<ReceivedUrc> _taken = [];
    private readonly List<ReceivedUrc> _unexpected = [];

    public AtSession Session { get; } = session;

    /// <summary>The target, for steps that act beyond AT commands (<see cref="IBrokerControl"/>, <see cref="IPlatformView"/>).</summary>
    public ILink Link { get; } = link;

    /// <summary>The trace line the scenario began at.</summary>
    public int StartLine { get; } = session.Trace.LineCount;

    /// <summary>
    /// How many packets the module had put on the wire when the scenario began: a packet an earlier scenario sent
    /// (the PUBACK of another session's message 1) is never taken for one of this scenario's.
    /// </summary>
    public int WireStart { get; } = (link as IPlatformView)?.PacketsSent()?.Count ?? 0;

    /// <summary>The answer to the command sent last in this scenario; null before the first and while one is pending.</summary>
    public CommandReply? LastReply
    {
        get;
        set
        {
            field = value;
            if (value is not null) _replies.Add(value);
        }
    }

    /// <summary>The scenario's last command of type <typeparamref name="T"/> that was sent and answered; null when none was.</summary>
    public T? LastCommand<T>() where T : AtCommand => _replies.Select(r => r.Command).OfType<T>().LastOrDefault();

    /// <summary>
    /// The trace line a URC must come after to answer what the scenario did last: the last command sent, or the
    /// scenario's start. An older URC answers something earlier and is never taken for a newer one.
    /// </summary>
    public int AnswersAfter => _replies.Count > 0 ? _replies[^1].TraceLine : StartLine;

    public List<Finding> Findings { get; } = [];

    /// <summary>Notes <paramref name="urc"/> as taken by a step, so that a repeat of it can be told as such.</summary>
    public void Took(ReceivedUrc urc) => _taken.Add(urc);

    /// <summary>
    /// Where <paramref name="urc"/> came, in a user's words: <c>after AT+MQTTSUB="t",1 (trace line 20)</c>, plus
    /// <c>, a second +MQTTSUBACK (the first came at trace line 22)</c> when a step took one of its kind already.
    /// </summary>
    public string Circumstances(ReceivedUrc urc)
    {
        var before = _replies.LastOrDefault(r => r.TraceLine < urc.TraceLine);
        var after = before is null ? "at the start of the scenario" : $"after {before.Command.FormatRedacted()} (trace line {before.TraceLine})";
        var name = urc.Value?.Name;
        var first = name is null ? null : _taken.LastOrDefault(t => t.Value?.Name == name && t.TraceLine < urc.TraceLine);
        return first is null ? after : $"{after}, a second {name} (the first came at trace line {first.TraceLine})";
    }

    public void AddDeviations(CommandReply reply)
    {
        // A final result's form (OK padded with spaces) is the command's: its section when the deviation names none.
        foreach (var (deviation, line) in reply.Deviations) Findings.Add(Finding.Of(deviation, line, reply.Command.Section));
    }

    public void AddDeviations(ReceivedUrc urc)
    {
        foreach (var deviation in urc.Parsed.Deviations) Findings.Add(Finding.Of(deviation, urc.TraceLine));
        if (urc.Parsed.Error is { } error)
            Findings.Add(Finding.Of(CodeList.UnreadableLine, "1.11", $"'{urc.Text}': {error}", urc.TraceLine));
    }

    /// <summary>
    /// Reports <paramref name="urc"/>, which no step took, as a finding. An outcome that answers nothing (a
    /// <c>+MQTTSUBACK</c> with no subscribe waiting for it) fails the scenario: the manual has it answer a command, and
    /// a host pairs it with its next one.
    /// </summary>
    public void AddUnexpected(ReceivedUrc urc)
    {
        AddDeviations(urc);
        var section = urc.Value?.Section ?? "1.11";
        if (urc.Value is { } value && ProtocolCatalog.Urc(value.GetType()) is { Answers: { } command, AlsoUnasked: false } entry && !IsAwaited(entry, urc))
            Findings.Add(Finding.Of(CodeList.UnexpectedUrc, section,
                $"'{urc.Text}' answers nothing: no {command} was waiting for it; it arrived {Circumstances(urc)}", urc.TraceLine) with { FailsRun = true });
        // Unasked, +MQTTDISC ends reconnection attempts that failed (§3.3.5); with none before it, a host takes the
        // session for gone while the module goes on connected.
        else if (urc.Value is MqttDisconnected && ProtocolCatalog.Urc<MqttDisconnected>() is { Answers: { } disc } discEntry
                 && !IsAwaited(discEntry, urc) && !Seen<MqttReconnect>(urc))
            Findings.Add(Finding.Of(CodeList.UnexpectedUrc, "3.3.5",
                $"'{urc.Text}' answers nothing: no {disc} was waiting for it and no reconnection attempt (+MQTTREC) gave up before it; it arrived {Circumstances(urc)}",
                urc.TraceLine) with { FailsRun = true });
        else
            Findings.Add(Finding.Of(CodeList.UnexpectedUrc, section, $"'{urc.Text}' arrived {Circumstances(urc)}, but no step expected it", urc.TraceLine));
        _unexpected.Add(urc);
    }

    // True when a URC of type T came in the scenario before urc (taken by a step, or left over).
    private bool Seen<T>(ReceivedUrc urc) => _taken.Concat(_unexpected).Any(u => u.TraceLine < urc.TraceLine && u.Value is T);

    // True while a command of the scenario accepted before urc still waits for its outcome: more of them were sent
    // than outcomes of their kind came before urc (taken by a step, or left over).
    private bool IsAwaited(UrcEntry entry, ReceivedUrc urc)
    {
        var sent = _replies.Count(r => r.TraceLine < urc.TraceLine && r.Final?.Kind == FinalResultKind.Ok
            && ProtocolCatalog.OutcomeOf(r.Command.Format(), r.Command is MqttPub pub ? pub.Qos : 0) == entry);
        var came = _taken.Concat(_unexpected).Count(u => u.TraceLine < urc.TraceLine && u.Value is { } v && ProtocolCatalog.Urc(v.GetType()) == entry);
        return sent > came;
    }
}
