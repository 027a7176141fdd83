namespace Conformance.Cli.Tests.Fleet;

/// <summary>A fresh folder for each test, deleted after it, with a way to write hand-written logs into it and to query a fleet database.</summary>
public abstract class TemporaryFolder
{
    protected string Folder { get; private set; } = "";

    [SetUp]
    public void CreateFolder() => Folder = Directory.CreateTempSubdirectory("fleet-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/> below the folder; returns its path.</summary>
    protected string Write(string relative, string text)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The rows of <paramref name="sql"/> as <c>fleet query … --csv</c> prints them, without the header.</summary>
    protected static async Task<List<string[]>> Query(string database, string sql)
    {
        var run = await ConformanceProcess.RunAsync(null, "fleet", "query", database, sql, "--csv");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        return [.. run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(','))];
    }
}
