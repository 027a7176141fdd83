namespace Conformance.Emulator.Tests.Support;

/// <summary>
/// Finds a program that an interop test talks to (mosquitto, socat). Absent, the test is skipped saying which
/// package is missing; under <c>CI=true</c>, where <c>.ci/run</c> installs them, absence fails the test.
/// </summary>
internal static class ExternalProgram
{
    // Debian puts daemons such as mosquitto in sbin, which is not on every user's PATH.
    private static readonly string[] SystemFolders = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

    /// <summary>The full path of <paramref name="name"/>, or null when it is on neither PATH nor the sbin folders.</summary>
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemFolders)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The path of <paramref name="name"/> from Debian package <paramref name="package"/>; skips or fails the test when absent.</summary>
    public static string Require(string name, string package)
    {
        if (Find(name) is { } found) return found;
        var reason = $"{name} not installed (Debian package '{package}')";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"{reason}: CI=true requires it; .ci/run installs it");
        Assert.Ignore($"skipped: {reason}");
        return name;
    }
}
