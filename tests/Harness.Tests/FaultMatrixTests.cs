using System.Text;
using Conformance.Harness.Links;
using Conformance.Harness.Running;
using Conformance.Harness.Tests.Doubles;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Syntax;
using Conformance.Protocol.Tracing;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Harness.Tests;

/// <summary>The harness's rows of the fault matrix (docs/reliability.md): what a run guarantees when its surroundings fail.</summary>
public sealed class FaultMatrixTests
{
    [Test]
    public async Task Disk_full_for_the_trace_mid_run_keeps_the_run_going_and_says_why()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 22, 40, 41, TimeSpan.Zero));
        await using var server = new ModuleServer(() => new FakeModule(Dialect.Manual));
        await using var link = new LinkFactory().Parse(server.Target, new LinkSettings(clock, Protocol.Secrets.SecretMasker.Shown));
        // Room for the header and a few records, then ENOSPC, as on a full disk.
        var disk = new FullDisk(capacity: 400);
        RunReport report;
        using (var recorder = new TraceRecorder(new StreamWriter(disk, bufferSize: 64) { NewLine = "\n" }, clock, link.Target, Protocol.Secrets.SecretMasker.Shown))
        {
            report = await TimePump.RunAsync(clock, new Runner(clock, new RunOptions()).RunAsync(link, HarnessRun.Select("Stat"), recorder));

            Assert.That(recorder.WriteError, Is.EqualTo("No space left on device"));
            Assert.That(recorder.Records.Count(r => r.Direction == TraceDirection.FromModule), Is.GreaterThan(5), "every record is still kept in memory");
        }

        Assert.That(report.Scenarios.Select(s => s.Outcome), Is.All.EqualTo(Outcome.Passed), "the run is not disturbed");
        Assert.That(report.Aborted, Is.Null);
        var written = Encoding.UTF8.GetString(disk.Written);
        Assert.That(written, Does.StartWith(TraceFormat.Magic + "\n"));
        Assert.That(disk.Written.Length, Is.LessThanOrEqualTo(400));
        Assert.That(disk.IsDisposed, Is.True, "the trace file is closed even though it failed");
    }

    /// <summary>A file on a disk with <c>capacity</c> bytes free: past that, every write fails with ENOSPC.</summary>
    private sealed class FullDisk(int capacity) : Stream
    {
        private readonly MemoryStream _kept = new();

        public byte[] Written => _kept.ToArray();

        public bool IsDisposed { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _kept.Length;
        public override long Position { get => _kept.Length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            var room = (int)Math.Max(0, capacity - _kept.Length);
            _kept.Write(buffer, offset, Math.Min(room, count));
            if (count > room) throw new IOException("No space left on device");
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }
}
