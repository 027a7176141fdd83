using System.Collections;

namespace Conformance.Harness.Dsl;

/// <summary>
/// What scenarios need to know about the broker and the device: from a settings file, then the environment
/// (<c>CONFORMANCE_BROKER</c>, …), then command-line options, each overriding the one before.
/// </summary>
public sealed record SuiteParameters
{
    public string Broker { get; init; } = "183.230.40.39";
    public int Port { get; init; } = 6002;
    public string DeviceId { get; init; } = "4069959";
    public string ProductId { get; init; } = "75829";
    public string ApiKey { get; init; } = "conformance-key";
    public string Topic { get; init; } = "dev/gsm/u";
    public int KeepAlive { get; init; } = 60;

    /// <summary>The keys, as written in a settings file (<c>broker = …</c>) and after <c>CONFORMANCE_</c> in the environment.</summary>
    public static readonly string[] Keys = ["broker", "port", "device-id", "product-id", "api-key", "topic", "keep-alive"];

    /// <summary>Merges the sources; throws <see cref="FormatException"/> naming the source, key and rule that is broken.</summary>
    public static SuiteParameters Load(string? settingsFile, IDictionary environment, IReadOnlyDictionary<string, string> options)
    {
        var result = new SuiteParameters();
        if (settingsFile is not null)
        {
            var number = 0;
            foreach (var line in File.ReadLines(settingsFile))
            {
                number++;
                var text = line.Trim();
                if (text.Length == 0 || text[0] == '#') continue;
                var equals = text.IndexOf('=');
                if (equals < 0) throw new FormatException($"{settingsFile}:{number}: expected 'name = value'");
                result = result.With(text[..equals].Trim(), text[(equals + 1)..].Trim(), $"{settingsFile}:{number}");
            }
        }
        foreach (var key in Keys)
        {
            var name = "CONFORMANCE_" + key.Replace('-', '_').ToUpperInvariant();
            if (environment[name] is string value) result = result.With(key, value, $"environment {name}");
        }
        // Named as the user wrote it: a source such as '--password:' would read as a secret's label and mask the next word.
        foreach (var (key, value) in options) result = result.With(key, value, "--set");
        return result;
    }

    private SuiteParameters With(string key, string value, string source) => key switch
    {
        "broker" => this with { Broker = value },
        "port" => this with { Port = Number(key, value, source, 1, 65535) },
        "device-id" => this with { DeviceId = value },
        "product-id" => this with { ProductId = value },
        "api-key" => this with { ApiKey = value },
        "topic" => this with { Topic = value },
        "keep-alive" => this with { KeepAlive = Number(key, value, source, 1, 65535) },
        _ => throw new FormatException($"{source}: unknown key '{Named(key)}'; known: {string.Join(", ", Keys)}"),
    };

    /// <summary>A key as a message quotes it: by its start when it is long (a value pasted in its place).</summary>
    public static string Named(string key) => key.Length <= 40 ? key : key[..40] + "…";

    private static int Number(string key, string value, string source, int min, int max) =>
        int.TryParse(value, out var n) && n >= min && n <= max ? n : throw new FormatException($"{source}: {key} '{value}' must be a number {min}..{max}");

    /// <summary>Keeps the API key out of logs and assertion messages.</summary>
    public override string ToString() => $"broker {Broker}:{Port}, device {DeviceId}, product {ProductId}, topic {Topic}, api key ***";
}
