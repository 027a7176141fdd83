using Conformance.Analyzer.Diagnostics;
using Conformance.Protocol.Catalog;
using Conformance.Protocol.Codes;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Secrets;

namespace Conformance.Analyzer.Timeline.Rules;

/// <summary>
/// A reply not shaped as the manual's: the one information line of a command (<c>+CSQ: 20,99</c>) repeated, or coming
/// after the final result. A host reads a reply line by line up to its OK, so either leaves it with a wrong answer.
/// Owns <c>answer-repeated</c> and <c>answer-after-final</c>.
/// </summary>
internal sealed class AnswerShapeRule(DiagnosticLog diagnostics, SecretMasker secrets) : ICodeOwner
{
    public static IReadOnlyList<CodeEntry> Codes { get; } = [DiagnosticCodes.AnswerRepeated, DiagnosticCodes.AnswerAfterFinal];

    // The last command sent, when the catalog has it answer with one line of its own name; null otherwise.
    private string? _name;
    private string _display = "";
    private bool _unasked;   // its line also comes unasked (+CEREG)
    private long _sentAt;
    private int _lines;      // its own lines in its reply so far

    /// <summary>A command was sent (or seen in its echo).</summary>
    public void Sent(AtCommand? command, string display, Stamp at)
    {
        var entry = command is null ? null : ProtocolCatalog.Command(command.Name);
        (_name, _unasked) = entry is { Answers: true, Lists: false } ? (entry.Name, entry.AlsoUnasked) : (null, false);
        (_display, _sentAt, _lines) = (display, at.Line, 0);
    }

    /// <summary>An information line answered the pending command: a second of its own name is reported, once a command.</summary>
    public void Answered(string text, Stamp at)
    {
        if (!Names(text)) return;
        if (++_lines == 2)
            diagnostics.Report(DiagnosticCodes.AnswerRepeated, at.Line,
                $"{_display} (line {_sentAt}) got a second information line '{text}'; the manual answers it with one");
    }

    /// <summary>A line of the module's while no command is pending: the last command's own line is a late answer.</summary>
    /// <param name="text">The line, masked or not: it is masked when reported (a late <c>+MQTTCFG:</c> holds the password).</param>
    public void Unasked(string text, Stamp at)
    {
        if (_unasked || !Names(text)) return;
        diagnostics.Report(DiagnosticCodes.AnswerAfterFinal, at.Line,
            $"'{secrets.Mask(text)}' came after the final result of {_display} (line {_sentAt}): a host that stops reading at OK takes it for a URC");
        _name = null;   // once a command
    }

    // True when text is a line of the last command's own name: `+CSQ: …`, `+CSQ:…`.
    private bool Names(string text) =>
        _name is { } name && text.Length > name.Length && text[name.Length] == ':' && text.StartsWith(name, StringComparison.OrdinalIgnoreCase);
}
