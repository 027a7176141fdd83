namespace Conformance.Analyzer.Timeline;

/// <summary>How a reconnection episode ended.</summary>
public enum ReconnectionOutcome
{
    /// <summary>The module connected again (<c>+MQTTOPEN: OK</c>, or <c>+MQTTSTAT: 5</c> was read).</summary>
    Recovered,
    /// <summary>The module gave up: <c>+MQTTDISC: OK</c> (manual §3.3.5).</summary>
    GaveUp,
    /// <summary>The log ended during the episode.</summary>
    Unfinished,
}
