namespace Conformance.Analyzer.Tests;

/// <summary>Finds the repository's docs folder from the test binaries, so tests can hold the docs to the code.</summary>
internal static class Documentation
{
    public static string Path(string name)
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "docs", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"docs/{name} not found above {TestContext.CurrentContext.TestDirectory}");
    }
}
