namespace Conformance.Cli.Tests.Fleet;

/// <summary>A fresh folder for each test, deleted after it, with a way to write hand-written logs into it.</summary>
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
}
