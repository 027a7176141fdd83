using Conformance.Harness.Links;
using Conformance.Harness.Session;

namespace Conformance.Harness.Dsl;

/// <summary>What the steps of a running scenario share: the session, the target, the last reply, the findings so far.</summary>
internal sealed class ScenarioContext(AtSession session, ILink link)
{
    public AtSession Session { get; } = session;

    /// <summary>The target, for steps that act beyond AT commands (<see cref="IBrokerControl"/>, <see cref="IPlatformView"/>).</summary>
    public ILink Link { get; } = link;

    public CommandReply? LastReply { get; set; }

    public List<Finding> Findings { get; } = [];

    public void AddDeviations(CommandReply reply)
    {
        foreach (var (deviation, line) in reply.Deviations) Findings.Add(new Finding(deviation.Section, deviation.Code, deviation.Message, line));
    }

    public void AddDeviations(ReceivedUrc urc)
    {
        foreach (var deviation in urc.Parsed.Deviations) Findings.Add(new Finding(deviation.Section, deviation.Code, deviation.Message, urc.TraceLine));
        if (urc.Parsed.Error is { } error)
            Findings.Add(new Finding("1.11", "unparsable-urc", $"'{urc.Text}': {error}", urc.TraceLine));
    }
}
