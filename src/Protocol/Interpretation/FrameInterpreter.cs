using System.Text;
using Conformance.Protocol.Commands;
using Conformance.Protocol.Framing;
using Conformance.Protocol.Responses;
using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Interpretation;

/// <summary>
/// The step from frames to typed events: runs the right typed parser for a frame. Allocates (strings, records),
/// so the tokenizer's hot path stays free of it; call it for the frames you need to understand.
/// </summary>
public static class FrameInterpreter
{
    /// <param name="frame">A frame from <see cref="AtTokenizer"/>.</param>
    /// <param name="commandName">The pending command's name as written after AT (<c>+MQTTSUB</c>), if known.
    /// An information line starting with <c>+NAME</c> is read as an answer to NAME when this is null.</param>
    public static Interpretation Interpret(in AtFrame frame, string? commandName = null) =>
        Interpret(frame, Encoding.UTF8.GetString(frame.Text), commandName);

    /// <summary>Like the overload above, for a caller that already decoded the frame's text.</summary>
    /// <param name="frame">A frame from <see cref="AtTokenizer"/>.</param>
    /// <param name="text"><see cref="AtFrame.Text"/> decoded as UTF-8.</param>
    /// <param name="commandName">The pending command's name, as in the overload above.</param>
    public static Interpretation Interpret(in AtFrame frame, string text, string? commandName = null)
    {
        switch (frame.Kind)
        {
            case FrameKind.Final:
                // After ATV0 the module answers 0 and 4: the tokenizer knew the form, and so the result.
                return FinalResult.Numeric(text) is not null && frame.Result is { } numeric
                    ? new Interpretation(new FinalResult(numeric), [])
                    : Interpretation.From(FinalResult.Parse(text));
            case FrameKind.Urc when frame.HasPayload || LineClassifier.IsAlwaysUrc(LineClassifier.NameOf(frame.Text)):
                // The commonest frame of a log: interpreted without an intermediate ParseResult.
                return UrcParser.Read(text, frame.Payload, frame.PayloadInline, out var deviations, out var error, out var errorPosition) is { } urc
                    ? new Interpretation(urc, deviations ?? (IReadOnlyList<Deviation>)[])
                    : new Interpretation(null, [], error, errorPosition);
            case FrameKind.Info:
                var name = commandName ?? (text.StartsWith('+') ? Encoding.ASCII.GetString(LineClassifier.NameOf(frame.Text)) : null);
                return name is null ? Interpretation.None : Interpretation.From(InformationParser.Parse(text, name));
            case FrameKind.Echo:
                return Interpretation.From(AtCommandParser.Parse(text));
            default:
                return Interpretation.None;
        }
    }
}
