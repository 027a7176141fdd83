using System.Security.Cryptography;
using System.Text;

namespace Conformance.Fuzz.Tests.Engine;

/// <summary>
/// The saved inputs, one folder per target: inputs that showed new behaviour (<c>&lt;hash&gt;.bin</c>) and inputs
/// that failed (<c>crash-&lt;hash&gt;.bin</c>, with the failure and the chunking beside it in a <c>.txt</c>).
/// Every test run replays them all.
/// </summary>
public sealed class Corpus(string root)
{
    /// <summary>Inputs longer than this are not saved: the corpus stays small enough to commit.</summary>
    public const int MaxSavedLength = 1024;

    /// <summary>At most this many behaviour inputs per target; failures are always saved.</summary>
    public const int MaxSavedPerTarget = 150;

    public string Root { get; } = root;

    /// <summary>The corpus shipped beside the test assembly.</summary>
    public static Corpus Shipped => new(Path.Combine(AppContext.BaseDirectory, "Corpus"));

    public IReadOnlyList<string> Files(FuzzTarget target)
    {
        var folder = Path.Combine(Root, target.Name);
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.bin").Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>A saved input with the chunking it failed in (none for a behaviour input).</summary>
    public static FuzzInput Load(string file)
    {
        var chunksFile = Path.ChangeExtension(file, ".txt");
        var chunks = File.Exists(chunksFile) && File.ReadLines(chunksFile).FirstOrDefault(l => l.StartsWith("chunks:", StringComparison.Ordinal)) is { } line
            ? [.. line["chunks:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)]
            : Array.Empty<int>();
        return new FuzzInput(File.ReadAllBytes(file), chunks);
    }

    /// <summary>Saves an input that showed new behaviour; false when it is too long or the folder is full.</summary>
    public bool SaveBehaviour(FuzzTarget target, byte[] data)
    {
        if (data.Length > MaxSavedLength) return false;
        var folder = Directory.CreateDirectory(Path.Combine(Root, target.Name)).FullName;
        if (Directory.GetFiles(folder, "*.bin").Length >= MaxSavedPerTarget) return false;
        File.WriteAllBytes(Path.Combine(folder, Hash(data) + ".bin"), data);
        return true;
    }

    /// <summary>Saves a failing input, keeping the shortest one per kind of failure; returns its file.</summary>
    public string SaveCrash(FuzzTarget target, FuzzInput input, Exception failure)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, target.Name)).FullName;
        var file = Path.Combine(folder, $"crash-{Hash(Encoding.UTF8.GetBytes(Signature(failure)))}.bin");
        if (File.Exists(file) && new FileInfo(file).Length <= input.Data.Length) return file;
        File.WriteAllBytes(file, input.Data);
        File.WriteAllText(Path.ChangeExtension(file, ".txt"),
            $"chunks: {string.Join(",", input.Chunks)}\n{failure.GetType().FullName}: {failure.Message}\n{failure.StackTrace}\n");
        return file;
    }

    /// <summary>A failure's kind: its type and the first frame in the project's code.</summary>
    public static string Signature(Exception failure)
    {
        var frame = failure.StackTrace?.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("at Conformance.", StringComparison.Ordinal) && !l.StartsWith("at Conformance.Fuzz", StringComparison.Ordinal));
        var message = frame is null ? new string([.. failure.Message.Take(60).Select(c => char.IsAsciiDigit(c) ? '#' : c)]) : "";
        return $"{failure.GetType().FullName} {frame?.Split(" in ")[0]} {message}";
    }

    private static string Hash(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data))[..16];
}
