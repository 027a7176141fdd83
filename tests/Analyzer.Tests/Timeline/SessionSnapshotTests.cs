using Conformance.Analyzer.Timeline;
using Snapshooter.NUnit;

namespace Conformance.Analyzer.Tests.Timeline;

/// <summary>The full analysis of whole sessions, compared with reviewed snapshots.</summary>
public class SessionSnapshotTests
{
    [Test]
    public void Manual_chapter_4_session() => Snapshot.Match(TimelineBuilder.Analyze(Sessions.Chapter4().Records));

    [Test]
    public void Reconnection_episode() => Snapshot.Match(TimelineBuilder.Analyze(Sessions.Reconnection().Records));

    [Test]
    public void Messy_field_log() => Snapshot.Match(TimelineBuilder.Analyze(Sessions.Messy().Records));
}
