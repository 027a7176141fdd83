namespace Conformance.Cli.Output;

/// <summary>
/// Where the report of one device of a log of several goes: the file the user named with the device's name before its
/// extension (<c>report.json</c> → <c>report.ttyUSB1.json</c>), a folder's files in a folder of the device's name
/// (<c>out/ttyUSB1/exchanges.csv</c>). A log of one device writes where the user said.
/// </summary>
internal static class ChannelPaths
{
    public static string File(string path, string? channel)
    {
        if (channel is null) return path;
        var extension = Path.GetExtension(path);
        return Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}.{Safe(channel)}{extension}");
    }

    public static string Folder(string directory, string? channel) => channel is null ? directory : Path.Combine(directory, Safe(channel));

    /// <summary>The name as a file name: a device's path without its folders' slashes (<c>/dev/ttyUSB1</c> → <c>dev_ttyUSB1</c>).</summary>
    public static string Safe(string channel)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string([.. channel.Trim('/', '\\').Select(c => invalid.Contains(c) || c is '/' or '\\' or ':' ? '_' : c)]);
        return safe.Trim('.') is { Length: > 0 } name ? name : "device";
    }
}
