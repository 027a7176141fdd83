using System.Text;

namespace Conformance.Harness.Tracing;

/// <summary>Replaces every known secret (the OneNET API key) with <c>***</c> in bytes bound for a trace or a report.</summary>
public sealed class SecretMask
{
    /// <summary>What a secret is replaced with, as in <c>AT+MQTTCFG?</c>'s own answer.</summary>
    public const string Mask = "***";

    private readonly List<byte[]> _secrets = [];

    /// <summary>A mask that changes nothing (<c>--show-secrets</c>).</summary>
    public static SecretMask None => new();

    public SecretMask(IEnumerable<string>? secrets = null)
    {
        foreach (var secret in secrets ?? []) Add(secret);
    }

    public void Add(string secret)
    {
        // A one-character secret would mask half the trace; such a key is not a secret worth hiding.
        if (secret.Length < 2) return;
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (!_secrets.Exists(s => s.AsSpan().SequenceEqual(bytes))) _secrets.Add(bytes);
    }

    public bool IsEmpty => _secrets.Count == 0;

    public byte[] Apply(ReadOnlySpan<byte> data)
    {
        if (IsEmpty) return data.ToArray();
        var output = new List<byte>(data.Length);
        var i = 0;
        while (i < data.Length)
        {
            var secret = SecretAt(data[i..]);
            if (secret is null) { output.Add(data[i++]); continue; }
            output.AddRange(Encoding.ASCII.GetBytes(Mask));
            i += secret.Length;
        }
        return [.. output];
    }

    private byte[]? SecretAt(ReadOnlySpan<byte> data)
    {
        foreach (var secret in _secrets)
            if (data.StartsWith(secret)) return secret;
        return null;
    }

    public string Apply(string text) => Encoding.UTF8.GetString(Apply(Encoding.UTF8.GetBytes(text)));
}
