namespace Conformance.Cli.Commands;

/// <summary>Opens the input a user names on the command line: a file, or <c>-</c> for standard input.</summary>
internal static class InputSource
{
    /// <summary>Opens <paramref name="path"/>, or explains on standard error why it cannot and returns null.</summary>
    public static Stream? Open(string path, TextWriter error)
    {
        if (path == "-") return Console.OpenStandardInput();
        try
        {
            if (Directory.Exists(path))
            {
                error.WriteLine($"conformance: '{path}' is a directory, not a capture file");
                return null;
            }
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        }
        catch (FileNotFoundException)
        {
            error.WriteLine($"conformance: file not found: '{path}'");
        }
        catch (DirectoryNotFoundException)
        {
            error.WriteLine($"conformance: file not found (no such directory): '{path}'");
        }
        catch (UnauthorizedAccessException)
        {
            error.WriteLine($"conformance: cannot read '{path}': permission denied");
        }
        catch (IOException e)
        {
            error.WriteLine($"conformance: cannot read '{path}': {e.Message}");
        }
        return null;
    }
}
