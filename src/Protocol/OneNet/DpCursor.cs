using System.Buffers.Binary;

namespace Conformance.Protocol.OneNet;

/// <summary>Walks the header fields of a <c>$dp</c> payload, keeping the first error and its byte offset.</summary>
internal ref struct DpCursor
{
    private readonly ReadOnlySpan<byte> payload;

    public DpCursor(ReadOnlySpan<byte> payload, int position)
    {
        this.payload = payload;
        Position = position;
    }

    public int Position { get; private set; }
    public string? Error { get; private set; }
    public int ErrorOffset { get; private set; }

    private readonly int Remaining => payload.Length - Position;

    /// <summary>The 6-byte YY MM DD hh mm ss time that follows a type byte with the high bit.</summary>
    public bool TryTime(out DateTime at)
    {
        at = default;
        if (Remaining < DpTime.BinarySize)
            return Fail($"truncated header: a {DpTime.BinarySize}-byte time is due at offset {Position}, but {DpText.Bytes(Remaining)} follow{S(Remaining)}");
        var bytes = payload.Slice(Position, DpTime.BinarySize);
        if (DpTime.ReadBinary(bytes) is not { } time)
            return Fail($"invalid time at offset {Position}: YY MM DD hh mm ss = {Convert.ToHexString(bytes)} (hex) is not a date");
        at = time;
        Position += DpTime.BinarySize;
        return true;
    }

    /// <summary>A big-endian length of <paramref name="size"/> bytes, then exactly that many bytes of <paramref name="what"/>.</summary>
    public bool TryLengthPrefixed(int size, string what, out ReadOnlySpan<byte> content, out int contentOffset)
    {
        content = default;
        contentOffset = 0;
        if (Remaining < size)
            return Fail($"truncated header: a {size}-byte length of the {what} is due at offset {Position}, but {DpText.Bytes(Remaining)} follow{S(Remaining)}");
        var field = payload.Slice(Position, size);
        long declared = size == 2 ? BinaryPrimitives.ReadUInt16BigEndian(field) : BinaryPrimitives.ReadUInt32BigEndian(field);
        var lengthOffset = Position;
        Position += size;
        if (declared > Remaining)
            return Fail($"declared {DpText.Bytes(declared)} of {what} at offset {lengthOffset}, but {Remaining} follow{S(Remaining)}", lengthOffset);
        contentOffset = Position;
        content = payload.Slice(Position, (int)declared);
        Position += (int)declared;
        return true;
    }

    /// <summary>Everything from here to the end of the payload.</summary>
    public ReadOnlySpan<byte> TakeRest()
    {
        var rest = payload[Position..];
        Position = payload.Length;
        return rest;
    }

    /// <summary>Fails when bytes follow the last field, <paramref name="what"/>.</summary>
    public bool TryEnd(string what) =>
        Remaining == 0 || Fail($"trailing bytes: {DpText.Bytes(Remaining)} follow{S(Remaining)} the {what}, from offset {Position}");

    public bool Fail(string error, int? offset = null)
    {
        if (Error is null)
        {
            Error = error;
            ErrorOffset = offset ?? Position;
        }
        return false;
    }

    private static string S(int count) => count == 1 ? "s" : "";
}
