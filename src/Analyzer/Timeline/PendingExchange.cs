using Conformance.Protocol.Commands;

namespace Conformance.Analyzer.Timeline;

/// <summary>The command waiting for its final result, and the information lines it got so far.</summary>
/// <remarks>
/// One exchange ends before the next begins, and none is kept once it ended (an <see cref="Exchange"/> is): so one
/// object serves every command of a log (<see cref="Begin"/>), and a log of millions of commands costs no object each.
/// </remarks>
internal sealed class PendingExchange
{
    /// <summary>Information lines kept per exchange; a runaway answer cannot grow memory.</summary>
    public const int MaxInformation = 64;

    public Stamp Sent { get; private set; }
    public string Display { get; private set; } = "";
    /// <summary>The line as sent, secrets included: for what only its syntax decides.</summary>
    public string Line { get; private set; } = "";
    /// <summary>How statistics group the command (<see cref="CommandText.Key"/> of <see cref="Display"/>).</summary>
    public string Key { get; private set; } = "";
    public AtCommand? Command { get; private set; }

    /// <summary>The next command begins, in this object.</summary>
    public PendingExchange Begin(Stamp sent, string display, string key, string line, AtCommand? command)
    {
        (Sent, Display, Key, Line, Command) = (sent, display, key, line, command);
        // The list went with the exchange that ended, if it was kept: a new one is made by the next information line.
        (_information, DataResult, OutcomeSeen) = (null, null, false);
        return this;
    }

    /// <summary>The information lines so far (secrets masked); most commands get none, so the list is made by the first.</summary>
    public IReadOnlyList<string> Information => _information ?? (IReadOnlyList<string>)[];

    private List<string>? _information;

    /// <summary>Keeps an information line, up to <see cref="MaxInformation"/>.</summary>
    public void Inform(string text)
    {
        _information ??= [];
        if (_information.Count < MaxInformation) _information.Add(text);
    }

    /// <summary>The result of the data sent after a prompt (<c>SEND OK</c>) and where it came; null until one does.</summary>
    public DataResult? DataResult { get; set; }

    /// <summary>True once the URC carrying the command's outcome came, before its final result.</summary>
    public bool OutcomeSeen { get; set; }

    /// <summary>The exchange, its texts as <paramref name="kept"/> keeps them.</summary>
    public Exchange Finish(string? final, double? latencyMs, KeptText kept)
    {
        // The list goes with the exchange (the next command makes its own): its lines are kept in place.
        if (_information is not null)
            for (var i = 0; i < _information.Count; i++) _information[i] = kept.Of(_information[i]);
        return new(Sent.Line, Sent.Time, kept.Of(Display), final, latencyMs, Information);
    }
}

/// <summary>The result of data sent after a prompt (<c>SEND OK</c>): the text, whether it succeeded, where it came.</summary>
internal sealed record DataResult(string Text, bool Ok, Stamp At);
