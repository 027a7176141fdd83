using System.Threading.Channels;

namespace Conformance.Emulator.Tests.Support;

/// <summary>Turns events raised on background threads into an ordered queue a test can await.</summary>
internal sealed class Recorder<T>
{
    private readonly Channel<T> _items = Channel.CreateUnbounded<T>();
    private readonly Func<T, bool> _filter;

    public Recorder(Func<T, bool>? filter = null) => _filter = filter ?? (_ => true);

    public void Add(object? sender, T item)
    {
        if (_filter(item)) _items.Writer.TryWrite(item);
    }

    /// <summary>The next item; fails the test when none arrives in time.</summary>
    public async Task<T> NextAsync()
    {
        try { return await _items.Reader.ReadAsync().AsTask().WaitAsync(Waiting.Timeout); }
        catch (TimeoutException) { throw new AssertionException($"No {typeof(T).Name} arrived within {Waiting.Timeout}."); }
    }

    /// <summary>The next item, which must be a <typeparamref name="TExpected"/>.</summary>
    public async Task<TExpected> NextAsync<TExpected>() where TExpected : T
    {
        var item = await NextAsync();
        Assert.That(item, Is.InstanceOf<TExpected>(), $"expected {typeof(TExpected).Name}, got {item}");
        return (TExpected)item!;
    }

    /// <summary>The next item matching <paramref name="match"/>, skipping others.</summary>
    public async Task<T> FirstAsync(Func<T, bool> match)
    {
        while (true)
        {
            var item = await NextAsync();
            if (match(item)) return item;
        }
    }

    public bool IsEmpty => !_items.Reader.TryPeek(out _);
}
