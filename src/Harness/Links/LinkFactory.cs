namespace Conformance.Harness.Links;

/// <summary>Turns a <c>--target</c> text into a link: <c>serial:PATH[,BAUD]</c>, <c>tcp:HOST:PORT</c>, <c>replay:FILE</c>, <c>emulator[:manual|field]</c>.</summary>
/// <remarks>A new kind of link is one <see cref="ILink"/> class plus one entry in <see cref="Schemes"/> (or passed to the constructor).</remarks>
public sealed class LinkFactory
{
    /// <summary>Makes a link from the text after <c>scheme:</c> (empty when there is none).</summary>
    public delegate ILink Create(string argument, LinkSettings settings);

    private readonly Dictionary<string, Create> _schemes;

    public static IReadOnlyDictionary<string, Create> Schemes { get; } = new Dictionary<string, Create>
    {
        ["serial"] = SerialLink.Parse,
        ["tcp"] = (argument, _) => TcpLink.Parse(argument),
        ["replay"] = (argument, settings) => new ReplayLink(argument, settings),
        ["emulator"] = EmulatorLink.Parse,
        ["mutant"] = Mutation.MutantLink.Parse,
    };

    public LinkFactory(IReadOnlyDictionary<string, Create>? more = null)
    {
        _schemes = new Dictionary<string, Create>(Schemes, StringComparer.OrdinalIgnoreCase);
        foreach (var (scheme, create) in more ?? new Dictionary<string, Create>()) _schemes[scheme] = create;
    }

    /// <exception cref="LinkException">Unknown scheme or bad argument; the message says which and gives an example.</exception>
    public ILink Parse(string target, LinkSettings settings)
    {
        var colon = target.IndexOf(':');
        var scheme = colon < 0 ? target : target[..colon];
        var argument = colon < 0 ? "" : target[(colon + 1)..];
        if (!_schemes.TryGetValue(scheme, out var create))
            throw new LinkException($"unknown target '{target}': expected one of {string.Join(", ", _schemes.Keys.Order().Select(k => k + ":…"))}");
        if (argument.Length == 0 && scheme is "serial" or "tcp" or "replay" or "mutant")
            throw new LinkException($"target '{target}' needs an argument, e.g. serial:/dev/ttyUSB0, tcp:127.0.0.1:5310, replay:run.trace, mutant:drop-suback");
        return create(argument, settings);
    }
}
