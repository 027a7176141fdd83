namespace Conformance.Protocol.Commands;

/// <summary>
/// Whether a topic matches a subscription's topic filter, as MQTT 3.1.1 §4.7 says: <c>+</c> stands for one level,
/// <c>#</c> as the last level for any number of them (also none), and a filter with no wildcard matches itself only.
/// Topics starting with <c>$</c> (OneNET's <c>$dp</c>, <c>$creq/…</c>) match no filter that starts with a wildcard.
/// </summary>
public static class TopicFilter
{
    public static bool Matches(string filter, string topic)
    {
        if (topic.StartsWith('$') && filter.Length > 0 && filter[0] is '+' or '#') return false;
        var f = filter.AsSpan();
        var t = topic.AsSpan();
        while (true)
        {
            var fEnd = f.IndexOf('/');
            var level = fEnd < 0 ? f : f[..fEnd];
            if (level is "#") return true;
            var tEnd = t.IndexOf('/');
            var name = tEnd < 0 ? t : t[..tEnd];
            if (level is not "+" && !level.SequenceEqual(name)) return false;
            // One ran out of levels: a match only if both did, or the filter's last level left is '#' ("a/#" matches "a").
            if (fEnd < 0 || tEnd < 0) return fEnd < 0 && tEnd < 0 || tEnd < 0 && f[(fEnd + 1)..] is "#";
            f = f[(fEnd + 1)..];
            t = t[(tEnd + 1)..];
        }
    }
}
