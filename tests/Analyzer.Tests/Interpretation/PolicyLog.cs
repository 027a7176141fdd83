using System.Text;
using Conformance.Analyzer.Readers;
using Conformance.Corpora;

namespace Conformance.Analyzer.Tests.Interpretation;

/// <summary>A policy case as the records of a log: each host line, then the module's answer, one line number each.</summary>
internal static class PolicyLog
{
    public static IEnumerable<LogRecord> Records(PolicyCase policy)
    {
        var line = 1L;
        foreach (var step in policy.Steps)
        {
            if (step.Host is { } host)
                yield return new LogRecord(line++, "policy.log", null, null, LogDirection.ToModule, Encoding.UTF8.GetBytes(host + "\r\n"));
            yield return new LogRecord(line++, "policy.log", null, null, LogDirection.FromModule, Encoding.UTF8.GetBytes(step.Module));
        }
    }

    public static PolicyCase Case(string rule) => PolicyCase.All.Single(c => c.Rule == rule);
}
