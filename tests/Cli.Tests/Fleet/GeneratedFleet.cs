using System.IO.Compression;
using System.Text;
using Conformance.Corpora;

namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// A fleet's logs in a folder tree: generated device sessions in seven shapes (raw, gzip, Tera Term, SSCOM,
/// Docklight, the manual's transcript, a loguru gateway log), one log rotated into two files, the hand-written field corpus, raw
/// module output from the corpus generators, and one broken gzip file. One device reconnects in storms; one
/// firmware answers AT+MQTTOPEN seconds late.
/// </summary>
internal static class GeneratedFleet
{
    public const int Logs = 220;
    public const string StormImei = "861234000000007";
    public const string SlowFirmware = "M5310A_V2.0.7";
    public const string BrokenLog = "province-9/broken.log.gz";
    public const string RotatedLog = "province-4/device-013.log";

    private static readonly string[] Firmwares = [SlowFirmware, "M5310A_V1.1.2", "M5310A_V1.2.0"];

    public static string Imei(int device) => $"8612340{device:D8}";

    private static readonly CorpusKind[] Corpora = [CorpusKind.Typical, CorpusKind.UrcFlood];

    private static List<string> FieldLogs() => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "traces", "field"))
        .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The device logs generated: the fleet is <see cref="Logs"/> logs, so fewer as the field corpus grows.</summary>
    public static int Generated => Logs - FieldLogs().Count - Corpora.Length - 1;

    /// <summary>Writes the fleet into <paramref name="directory"/>.</summary>
    public static void Write(string directory)
    {
        var fieldFolder = Directory.CreateDirectory(Path.Combine(directory, "field")).FullName;
        foreach (var file in FieldLogs()) File.Copy(file, Path.Combine(fieldFolder, Path.GetFileName(file)));
        foreach (var kind in Corpora)
            File.WriteAllBytes(Path.Combine(fieldFolder, $"module-output-{kind}.raw"), ModuleOutput.Generate(kind, 64 * 1024).Bytes);
        for (var device = 0; device < Generated; device++) WriteDevice(directory, device);
        WriteBroken(Path.Combine(directory, BrokenLog));
    }

    private static void WriteDevice(string directory, int device)
    {
        var firmware = Firmwares[device % Firmwares.Length];
        var openMs = firmware == SlowFirmware ? 4_000 + device % 5 * 150 : 40 + device % 20;
        var episodes = Imei(device) == StormImei ? 4 : device % 11 == 0 ? 1 : 0;
        var session = DeviceSession.Of(Imei(device), firmware, openMs, episodes, publishes: 3 + device % 4, TimeSpan.FromHours(8 + device % 10));
        var day = new DateOnly(2026, 3, 1 + device % 3);
        var name = Path.Combine(directory, $"province-{device % 9}", $"device-{device:D3}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(name)!);
        if (Path.GetRelativePath(directory, name).Replace('\\', '/') == RotatedLog)
        {
            // The older half in LOG.1, the newer in LOG, cut at a line end.
            var raw = session.Raw();
            var cut = raw.IndexOf("\r\n", raw.Length / 2, StringComparison.Ordinal) + 2;
            File.WriteAllText(name + ".1", raw[..cut]);
            File.WriteAllText(name, raw[cut..]);
            return;
        }
        switch (device % 7)
        {
            case 0: File.WriteAllText(name, session.Raw()); break;
            case 1: File.WriteAllText(name, session.TeraTerm(day)); break;
            case 2: File.WriteAllText(name, session.Sscom(), Encoding.UTF8); break;
            case 3: File.WriteAllText(name, session.Docklight(day)); break;
            case 4: File.WriteAllText(name, session.Transcript()); break;
            case 5: File.WriteAllText(name, session.Loguru(day)); break;
            default: Gzip(name + ".gz", Encoding.UTF8.GetBytes(session.TeraTerm(day))); break;
        }
    }

    // A gzip stream damaged in its middle, as a bad disk or a failed copy leaves it: the first half reads, then it breaks.
    private static void WriteBroken(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var log = new StringBuilder();
        for (var i = 0; i < 400; i++) log.Append(DeviceSession.Of(Imei(900 + i), "M5310A_V1.1.2", 40 + i % 13, 0, 3 + i % 5, TimeSpan.FromHours(9)).Raw());
        var whole = new MemoryStream();
        using (var zip = new GZipStream(whole, CompressionLevel.Fastest, leaveOpen: true)) zip.Write(Encoding.UTF8.GetBytes(log.ToString()));
        var bytes = whole.ToArray();
        bytes.AsSpan(bytes.Length / 2, 64).Fill(0xFF);
        File.WriteAllBytes(path, bytes);
    }

    private static void Gzip(string path, byte[] bytes)
    {
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        zip.Write(bytes);
    }
}
