using System.CommandLine;
using Conformance.Protocol.Syntax;

namespace Conformance.Cli.Commands;

/// <summary><c>--dialect manual|field</c>, spelled the same in every verb: the <see cref="Dialect"/> names in lower case.</summary>
internal static class DialectOption
{
    private static readonly Dictionary<string, Dialect> Names =
        Enum.GetValues<Dialect>().ToDictionary(Name);

    public static Option<string> Create(string description)
    {
        var option = new Option<string>("--dialect")
        {
            Description = $"{description}: {string.Join(" or ", Names.Keys)}.",
            HelpName = string.Join('|', Names.Keys),
            DefaultValueFactory = _ => Name(Dialect.Manual),
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !Names.ContainsKey(value))
                result.AddError($"--dialect '{value}' is not a dialect; use one of: {string.Join(", ", Names.Keys.Select(k => $"'{k}'"))}");
        });
        option.CompletionSources.Add([.. Names.Keys]);
        return option;
    }

    /// <summary>The dialect a validated <c>--dialect</c> value names.</summary>
    public static Dialect Parse(string value) => Names[value];

    public static string Name(Dialect dialect) => dialect.ToString().ToLowerInvariant();
}
