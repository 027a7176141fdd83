using Conformance.Protocol.Framing;
using Conformance.Protocol.Interpretation;

namespace Conformance.Analyzer.Timeline;

/// <summary>
/// Interprets URC lines, parsing a line that repeats word for word (<c>+MQTTPINGRSP: OK</c>, <c>+MQTTTO: 5</c>)
/// only once. A line's meaning depends on its text alone; interpretations are immutable, so they can be shared.
/// </summary>
internal sealed class UrcMeanings
{
    // The first distinct lines of a log are kept; that is where the repeating ones show up.
    private const int Capacity = 256;

    private readonly Dictionary<string, Interpretation> _known = new(StringComparer.Ordinal);

    /// <param name="frame">A URC frame.</param>
    /// <param name="text">Its text, decoded.</param>
    public Interpretation Of(in AtFrame frame, string text)
    {
        // A message carries its own bytes: never the same meaning twice for sure.
        if (frame.HasPayload) return FrameInterpreter.Interpret(frame, text);
        if (_known.TryGetValue(text, out var meaning)) return meaning;
        meaning = FrameInterpreter.Interpret(frame, text);
        if (_known.Count < Capacity) _known.Add(text, meaning);
        return meaning;
    }
}
