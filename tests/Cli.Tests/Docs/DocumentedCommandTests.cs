using Conformance.Harness.Dsl;
using Conformance.Harness.Mutation;
using Conformance.Harness.Running;
using Conformance.Suites;

namespace Conformance.Cli.Tests.Docs;

/// <summary>
/// Every <c>conformance …</c> line of README.md and docs/*.md names a verb the program has, options that verb takes,
/// and suites, sections and mutants that exist, so a command copied from the docs is not refused as a usage error.
/// </summary>
public sealed class DocumentedCommandTests
{
    private static readonly Dictionary<string, string?> Help = [];

    /// <summary>What <c>conformance VERB --help</c> prints (the program's own help for ""); null when the program has no such verb.</summary>
    private static async Task<string?> HelpOf(string verb)
    {
        if (Help.TryGetValue(verb, out var known)) return known;
        var run = await ConformanceProcess.RunAsync(null, [.. verb.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
        return Help[verb] = run.ExitCode == 0 ? run.StandardOutput : null;
    }

    /// <summary>The options a help text lists (<c>-j, --jobs &lt;jobs&gt;</c> gives both names).</summary>
    private static HashSet<string> OptionsIn(string help) =>
    [
        .. help.Split('\n')
            .SkipWhile(line => !line.StartsWith("Options:", StringComparison.Ordinal))
            .Where(line => line.StartsWith("  -", StringComparison.Ordinal))
            .SelectMany(line => line.Trim().Split("  ")[0].Split(", ").Select(name => name.Split(' ')[0])),
    ];

    /// <summary>The verbs a help text lists under <c>Commands:</c>.</summary>
    private static IEnumerable<string> CommandsIn(string help) =>
        help.Split('\n')
            .SkipWhile(line => !line.StartsWith("Commands:", StringComparison.Ordinal))
            .Where(line => line.Length > 2 && line[..2] == "  " && char.IsAsciiLetterLower(line[2]))
            .Select(line => line.Trim().Split(' ')[0]);

    /// <summary>Every verb of the program, sub-verbs as <c>fleet report</c>.</summary>
    private static async Task<List<string>> Verbs()
    {
        var verbs = new List<string>();
        foreach (var verb in CommandsIn((await HelpOf(""))!))
        {
            verbs.Add(verb);
            verbs.AddRange(CommandsIn((await HelpOf(verb))!).Select(sub => $"{verb} {sub}"));
        }
        return verbs;
    }

    [Test]
    public async Task The_docs_show_commands_of_every_verb()
    {
        var verbs = await Verbs();
        Assert.That(verbs, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(DocumentedCommands.All.Select(line => line.Verb).Distinct(), Is.SupersetOf(verbs));
    }

    [Test]
    public async Task Every_verb_says_its_exit_codes_in_its_help_as_the_readme_promises()
    {
        foreach (var verb in await Verbs())
            Assert.That(await HelpOf(verb), Does.Match(@"Exit codes: 0 [^\n]*[;,] 2 "), $"conformance {verb} --help");
    }

    [Test]
    public async Task Every_documented_option_is_one_its_verb_takes()
    {
        var wrong = new List<string>();
        foreach (var line in DocumentedCommands.All)
        {
            if (await HelpOf(line.Verb) is not { } help)
            {
                wrong.Add($"{line}: no verb '{line.Verb}'");
                continue;
            }
            var options = OptionsIn(help);
            foreach (var word in line.Words.Skip(2).Where(w => w.StartsWith('-') && w.Length > 1))
            {
                var name = word.Split('=')[0];
                if (!options.Contains(name)) wrong.Add($"{line}: 'conformance {line.Verb}' has no option {name}");
            }
        }
        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void Every_documented_suite_section_and_mutant_exists()
    {
        var catalog = SuiteCatalog.FromAssembly(typeof(PowerOnSuite).Assembly);
        var suites = catalog.Suites.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sections = catalog.Suites.SelectMany(s => s.Scenarios(new SuiteParameters())).Select(s => s.Section).ToList();
        var mutants = MutantCatalog.All.Select(m => m.Name).ToHashSet();
        var wrong = new List<string>();
        foreach (var line in DocumentedCommands.All)
        {
            for (var i = 2; i < line.Words.Count; i++)
            {
                // In the text a verb's option may stand without its value ("run `mutate --section` on its section").
                if (i + 1 == line.Words.Count && !line.InBlock) break;
                var value = i + 1 < line.Words.Count ? line.Words[i + 1] : "";
                if (line.Words[i] == "--suite" && !suites.Contains(value)) wrong.Add($"{line}: no suite '{value}'");
                if (line.Words[i] == "--mutant" && !mutants.Contains(value)) wrong.Add($"{line}: no mutant '{value}'");
                if (line.Words[i] == "--section" && !sections.Any(s => s == value || s.StartsWith(value + ".", StringComparison.Ordinal)))
                    wrong.Add($"{line}: no scenario of section {value}");
                var target = line.Words[i].Split('=', 2)[^1];
                if (line.Words[i - 1] == "--target" && target.StartsWith("mutant:", StringComparison.Ordinal)
                    && !mutants.Contains(target["mutant:".Length..].Split(',')[0]))
                    wrong.Add($"{line}: no mutant '{target}'");
            }
        }
        Assert.That(wrong, Is.Empty);
    }
}
