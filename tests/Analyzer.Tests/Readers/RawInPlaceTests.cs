using System.IO.Compression;
using System.Text;
using Conformance.Analyzer.Readers;
using Conformance.Corpora;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>A raw capture is lent in place (each line the host sent, each block of module output): it must read as its records do.</summary>
public class RawInPlaceTests
{
    private static byte[] Capture()
    {
        var log = new List<byte>();
        void Add(string text) => log.AddRange(Encoding.Latin1.GetBytes(text));
        Add("\0\0\xff+IP: 10.0.0.2\r\n\r\nAT+CSQ\r\nAT+CSQ\r\n+CSQ: 18,99\r\n\r\nOK\r\n");
        Add("at+mqttopen=1,0,0,0,0,\"\",\"\"\n\u001b[0;32mOK\u001b[0m\n");
        // A block of module output longer than a record holds, and one line longer still.
        for (var i = 0; i < 3000; i++) Add($"+MQTTPUBLISH: 0,0,0,0,\"t/{i}\",5,hello\r\n");
        Add(new string('x', 70 * 1024) + "\r\nAT\rOK\r+MQTTDISC: OK");
        return [.. log];
    }

    [Test]
    public void Records_lent_in_place_are_the_records_read_one_by_one()
    {
        using var log = new TempLog();
        var hand = log.Write("capture.raw", Capture());
        File.WriteAllBytes(hand + ".1", ModuleOutput.Generate(CorpusKind.Typical, 64 * 1024).Bytes);
        var typical = log.Write("typical.raw", ModuleOutput.Generate(CorpusKind.Noisy, 256 * 1024).Bytes);

        foreach (var file in new[] { hand, typical })
        {
            var source = LogSource.Open(file, LogFormat.Raw);
            var lent = new Collected();
            source.Read(lent);

            Assert.That(lent.Records, Is.EqualTo(source.Read().ToList()), file);
        }
    }

    [Test]
    public void Every_byte_of_a_capture_is_in_a_record_in_order()
    {
        using var log = new TempLog();
        var bytes = ModuleOutput.Generate(CorpusKind.Noisy, 256 * 1024).Bytes;
        var lent = new Collected();

        LogSource.Open(log.Write("noisy.raw", bytes), LogFormat.Raw).Read(lent);

        Assert.That(lent.Records.SelectMany(r => r.Data), Is.EqualTo(bytes));
        Assert.That(lent.Records.Select(r => r.Direction), Does.Contain(LogDirection.ToModule).And.Contain(LogDirection.FromModule));
    }

    [Test]
    public void Module_output_is_one_record_up_to_the_next_line_the_host_sent()
    {
        using var log = new TempLog();
        var lent = new Collected();
        LogSource.Open(log.Write("capture.raw", Capture()), LogFormat.Raw).Read(lent);
        var records = lent.Records;

        Assert.That(records.Take(4).Select(r => (r.Line, r.Direction, Encoding.Latin1.GetString(r.Data), r.SpansLines)), Is.EqualTo(new[]
        {
            (1L, LogDirection.FromModule, "\0\0\xff+IP: 10.0.0.2\r\n\r\n", true),
            (3L, LogDirection.ToModule, "AT+CSQ\r\n", false),
            (4L, LogDirection.FromModule, "AT+CSQ\r\n+CSQ: 18,99\r\n\r\nOK\r\n", true),
            (8L, LogDirection.ToModule, "at+mqttopen=1,0,0,0,0,\"\",\"\"\n", false),
        }), "the echo of the command is the module's; a blank line is kept in its block");
        Assert.That(Encoding.ASCII.GetString(records[4].Data), Does.StartWith("OK\n+MQTTPUBLISH: 0,0,0,0,\"t/0\",5,hello\r\n"), "a logger's colours are left out");
        Assert.That(records.Where(r => r.Direction == LogDirection.FromModule).Select(r => r.Data.Length), Has.All.LessThanOrEqualTo(70 * 1024 + 2));
        Assert.That(records.Select(r => Encoding.ASCII.GetString(r.Data)).TakeLast(3), Is.EqualTo(new[] { new string('x', 70 * 1024) + "\r\n", "AT\r", "OK\r+MQTTDISC: OK" }),
            "a line longer than a block is a block of its own; the last line needs no line end");
    }

    [Test]
    public void Lending_a_raw_capture_allocates_nothing_per_line()
    {
        using var log = new TempLog();
        var file = log.Write("typical.raw", ModuleOutput.Generate(CorpusKind.Typical, 1024 * 1024).Bytes);
        var counted = new Counted();
        LogSource.Open(log.Write("warm.raw", ModuleOutput.Generate(CorpusKind.Typical, 16 * 1024).Bytes), LogFormat.Raw).Read(counted);
        var source = LogSource.Open(file, LogFormat.Raw);

        var before = GC.GetAllocatedBytesForCurrentThread();
        source.Read(counted);
        var perByte = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / new FileInfo(file).Length;

        Assert.That(counted.Records, Is.GreaterThan(1_000));
        Assert.That(perByte, Is.LessThan(0.1), $"{perByte:0.00} B allocated per byte of capture");
    }

    [Test]
    public void The_module_output_read_before_a_cut_in_a_gzipped_capture_is_kept()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 30_000; i++) text.Append($"+CSQ: {i % 31},99\r\n\r\nOK\r\n");
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.ASCII.GetBytes(text.ToString()));
        using var log = new TempLog();
        var cut = log.Write("modem.raw.gz", packed.ToArray()[..(int)(packed.Length / 2)]);
        var next = log.Write("modem2.raw", "AT+CSQ\r\n+CSQ: 20,99\r\n");
        var source = LogSource.Open([cut, next], LogFormat.Raw, readPastDamage: true);
        var lent = new Collected();

        source.Read(lent);

        var damage = source.Damage.Single();
        var kept = lent.Records.Where(r => r.File == damage.File).ToList();
        Assert.That(kept.Sum(r => r.Data.Count(b => b == '\n')), Is.EqualTo(damage.Line - 1), "every whole line before the damage");
        var bytes = kept.SelectMany(r => r.Data).ToArray();
        Assert.That(bytes, Is.Not.Empty);
        Assert.That(Encoding.ASCII.GetString(bytes), Is.EqualTo(text.ToString()[..bytes.Length]), "the lines as in the file, in order");
        Assert.That(lent.Records.Select(r => r.File).Distinct().Count(), Is.EqualTo(2), "the next file is read too");
    }

    [Test]
    public void A_line_held_back_for_its_rest_before_a_cut_in_a_gzipped_log_is_kept()
    {
        // Every line a publish whose message is shorter than its msg_len: each is held for its rest, which never comes
        // (the next line is a second later). The last one read whole before the cut must still reach the timeline.
        var text = new StringBuilder();
        var start = new DateTime(2026, 11, 30, 10, 0, 0);
        for (var i = 0; i < 30_000; i++) text.Append($"[{start.AddSeconds(i):yyyy-MM-dd HH:mm:ss}.000] +MQTTPUBLISH: 0,0,0,0,\"t\",9,m{i % 1000}\r\n");
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.ASCII.GetBytes(text.ToString()));
        using var log = new TempLog();
        var cut = log.Write("teraterm.log.gz", packed.ToArray()[..(int)(packed.Length / 2)]);
        var next = log.Write("teraterm.log", "[2026-11-30 12:00:00.000] OK\r\n");
        var source = LogSource.Open([cut, next], LogFormat.Timestamped, readPastDamage: true);
        var lent = new Collected();

        source.Read(lent);

        var damage = source.Damage.Single();
        Assert.That(lent.Records.Count(r => r.File == damage.File), Is.EqualTo(damage.Line - 1), "every whole line before the damage, the last one held back too");
        Assert.That(lent.Records[^1].File, Is.EqualTo(next), "then the next file");
    }
}
