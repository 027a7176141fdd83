using System.Text;

namespace Conformance.Harness.Running;

/// <summary>
/// The modules of a farm, from <c>--target</c> values and <c>--targets FILE</c> lines, both written
/// <c>[NAME=]TARGET</c>. In a file, a <c>#</c> starts a comment and blank lines are skipped. A module without a
/// name is named after its target (<c>serial:/dev/ttyUSB0</c> → <c>serial-dev-ttyUSB0</c>), numbered when two
/// would be named alike; two modules given the same name are an error.
/// </summary>
public static class FarmTargets
{
    /// <summary>One <c>[NAME=]TARGET</c>: a name is letters, digits, '.', '_' and '-' before an '=' that comes before any ':'.</summary>
    public static (string? Name, string Target) ParseOne(string text)
    {
        text = text.Trim();
        var equals = text.IndexOf('=');
        var colon = text.IndexOf(':');
        if (equals > 0 && (colon < 0 || equals < colon))
        {
            var name = text[..equals].Trim();
            var target = text[(equals + 1)..].Trim();
            if (!name.All(IsNameCharacter))
                throw new FormatException($"module name '{name}': use letters, digits, '.', '_' and '-' only");
            if (target.Length == 0) throw new FormatException($"module '{name}' has no target after '='");
            return (name, target);
        }
        if (text.Length == 0) throw new FormatException("empty target");
        return (null, text);
    }

    /// <summary>The lines of a targets file, as <c>[NAME=]TARGET</c>; errors name the file and line.</summary>
    public static IReadOnlyList<(string? Name, string Target)> Read(TextReader reader, string file)
    {
        var modules = new List<(string?, string)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var hash = line.IndexOf('#');
            var text = (hash < 0 ? line : line[..hash]).Trim();
            if (text.Length == 0) continue;
            try
            {
                modules.Add(ParseOne(text));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{file}:{number}: {e.Message}", e);
            }
        }
        return modules;
    }

    /// <summary>Names every module: given names as they are (twice the same is an error), the others after their target.</summary>
    public static IReadOnlyList<FarmModule> Name(IReadOnlyList<(string? Name, string Target)> modules)
    {
        var given = modules.Where(m => m.Name is not null).GroupBy(m => m.Name!, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (given is not null) throw new FormatException($"two modules are named '{given.Key}'; a name names one trace and one column");
        var taken = new HashSet<string>(modules.Select(m => m.Name).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        return [.. modules.Select(m => new FarmModule(m.Name ?? Unused(NameOf(m.Target), taken), m.Target))];
    }

    private static string Unused(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++) candidate = $"{name}-{n}";
        return candidate;
    }

    // A file name on every system: the target's letters and digits, runs of anything else as one '-'.
    private static string NameOf(string target)
    {
        var name = new StringBuilder();
        foreach (var c in target)
        {
            if (IsNameCharacter(c) && c != '-') name.Append(c);
            else if (name.Length > 0 && name[^1] != '-') name.Append('-');
        }
        var text = name.ToString().Trim('-', '.');
        return text.Length == 0 ? "module" : text;
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
