using CsCheck;
using Conformance.Emulator.Mqtt;

namespace Conformance.Emulator.Tests.Mqtt;

public sealed class PacketIdPoolTests
{
    [Test]
    public void Ids_rise_from_1_and_wrap_past_65535_without_0()
    {
        var pool = new PacketIdPool();
        var ids = new List<ushort>();
        for (var i = 0; i < 65536; i++)
        {
            var id = pool.Next();
            pool.Release(id);
            ids.Add(id);
        }

        Assert.That(ids[0], Is.EqualTo(1));
        Assert.That(ids[65534], Is.EqualTo(65535));
        Assert.That(ids[65535], Is.EqualTo(1));
        Assert.That(ids, Has.None.Zero);
    }

    [Test]
    public void An_id_in_flight_is_never_handed_out_again()
    {
        Gen.Int[1, 300].Array[1, 50].Sample(releases =>
        {
            var pool = new PacketIdPool();
            var inFlight = new HashSet<ushort>();
            foreach (var n in releases)
            {
                var id = pool.Next();
                Assert.That(inFlight.Add(id), Is.True, $"id {id} handed out while in flight");
                // Complete the flow of some earlier id, as acknowledgements arrive out of order.
                var done = inFlight.ElementAt(n % inFlight.Count);
                if (n % 3 == 0 && pool.Release(done)) inFlight.Remove(done);
            }
        });
    }

    [Test]
    public void Ids_skip_those_still_in_flight_after_wrapping()
    {
        var pool = new PacketIdPool();
        var first = pool.Next();
        for (var i = 1; i < 65535; i++) pool.Release(pool.Next());

        Assert.That(pool.Next(), Is.EqualTo(2), $"id {first} is still in flight");
    }

    [Test]
    public void Exhausted_pool_says_so()
    {
        var pool = new PacketIdPool();
        for (var i = 0; i < 65535; i++) pool.Next();

        Assert.That(() => pool.Next(), Throws.InvalidOperationException.With.Message.Contains("65535 packet ids are in flight"));
        Assert.That(pool.Release(12345), Is.True);
        Assert.That(pool.Next(), Is.EqualTo(12345));
    }
}
