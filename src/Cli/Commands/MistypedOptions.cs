using System.CommandLine;

namespace Conformance.Cli.Commands;

/// <summary>
/// A log argument that looks like an option and names no file (`--jsno out.json`, `-x`) is a mistyped option, not a
/// log to leave out with a warning while the rest is analysed: a usage error, with the command's nearest option.
/// </summary>
internal static class MistypedOptions
{
    /// <summary>Makes <paramref name="argument"/> of <paramref name="command"/> refuse such tokens.</summary>
    public static void Refuse(Argument argument, Command command) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value is ['-', _, ..] value && !File.Exists(value) && !Directory.Exists(value))
                {
                    result.AddError(Message(value, command));
                    return;
                }
        });

    private static string Message(string value, Command command)
    {
        // Only a long option is guessed at: a letter (-x) is as near to every short option.
        var typed = value.TrimStart('-').ToLowerInvariant();
        var nearest = value.StartsWith("--") && typed.Length >= 3
            ? command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--")).Distinct()
                .Select(n => (Name: n, Distance: Distance(typed, n[2..]))).Where(n => n.Distance <= (n.Name.Length >= 7 ? 2 : 1))
                .OrderBy(n => n.Distance).Select(n => n.Name).FirstOrDefault()
            : null;
        var hint = nearest is null ? $"see 'conformance {command.Name} --help'" : $"did you mean {nearest}?";
        return $"unknown option '{value}' ({hint}); a log whose name starts with - is given as ./{value}";
    }

    // Letters lost, added, changed or two neighbours swapped (optimal string alignment).
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
