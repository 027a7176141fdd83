using System.Reflection;
using Conformance.Harness.Dsl;

namespace Conformance.Harness.Running;

/// <summary>The suites known to the runner, and the selection <c>--suite NAME</c> / <c>--section 1.5</c> makes.</summary>
public sealed class SuiteCatalog(IReadOnlyList<Suite> suites)
{
    public IReadOnlyList<Suite> Suites => suites;

    /// <summary>Every public, concrete <see cref="Suite"/> with a parameterless constructor in <paramref name="assembly"/>, by name.</summary>
    public static SuiteCatalog FromAssembly(Assembly assembly) => new(
        [.. assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(Suite)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Suite)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Name, StringComparer.Ordinal)]);

    /// <summary>
    /// The scenarios of the suite named <paramref name="suite"/> (all when null) whose section is
    /// <paramref name="section"/> or below it (<c>1</c> takes <c>1.5</c>; all when null).
    /// </summary>
    /// <exception cref="ArgumentException">No suite has that name, or nothing is in that section.</exception>
    public IReadOnlyList<SelectedScenario> Select(SuiteParameters parameters, string? suite = null, string? section = null)
    {
        var chosen = suite is null ? suites : suites.Where(s => string.Equals(s.Name, suite, StringComparison.OrdinalIgnoreCase)).ToList();
        if (chosen.Count == 0)
            throw new ArgumentException($"no suite named '{suite}'; known: {string.Join(", ", suites.Select(s => s.Name))}", nameof(suite));
        var selected = chosen
            .SelectMany(s => s.Scenarios(parameters).Select(c => new SelectedScenario(s.Name, c)))
            .Where(c => section is null || c.Scenario.Section == section || c.Scenario.Section.StartsWith(section + ".", StringComparison.Ordinal))
            .ToList();
        if (selected.Count == 0)
            throw new ArgumentException($"no scenario checks section {section}", nameof(section));
        return selected;
    }
}
