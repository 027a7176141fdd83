namespace Conformance.Fuzz.Tests.Engine;

/// <summary>Asserts about what an output shows, compared byte for byte (a culture-aware search skips control characters).</summary>
public static class Shown
{
    public static void Never(string output, string forbidden, string what)
    {
        var at = output.IndexOf(forbidden, StringComparison.Ordinal);
        if (at >= 0) Assert.Fail($"{what} at character {at}: …{Escape(output.Substring(Math.Max(0, at - 40), Math.Min(output.Length - Math.Max(0, at - 40), forbidden.Length + 80)))}…");
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c < 0x20 || c == 0x7F ? $"\\x{(int)c:x2}" : c.ToString()));
}
