namespace Parcours.Core.Exchange;

/// <summary>
/// 64-bit key hash → slot, open addressing with linear probing in two flat arrays: 16 bytes a key at the fill limit
/// against 28 for a <c>Dictionary&lt;ulong, int&gt;</c>, and no object per entry. The hashes are already mixed, so
/// their top 32 bits, scaled to the table size, pick the bucket (any size, not a power of two: a table of 7 million keys
/// would otherwise take up to twice the room it needs). Used for the key indexes of an import (millions of records).
/// </summary>
internal sealed class KeyMap
{
    private ulong[] _keys;
    private int[] _values; // slot + 1; 0: empty
    public int Count { get; private set; }

    public KeyMap(int expected)
    {
        _keys = new ulong[Capacity(expected)];
        _values = new int[_keys.Length];
    }

    /// <summary>Buckets for <paramref name="count"/> keys at most 3/4 full (at least 16).</summary>
    internal static int Capacity(long count) => (int)Math.Min(Array.MaxLength, Math.Max(16, (count + 1) * 4 / 3 + 1));

    /// <summary>First bucket of a key: its top 32 bits scaled to the table size.</summary>
    internal static int Bucket(ulong key, int capacity) => (int)(((key >> 32) * (ulong)capacity) >> 32);

    public bool TryGetValue(ulong key, out int value)
    {
        var capacity = _keys.Length;
        for (var i = Bucket(key, capacity); ; i = i + 1 == capacity ? 0 : i + 1)
        {
            var v = _values[i];
            if (v == 0) { value = -1; return false; }
            if (_keys[i] == key) { value = v - 1; return true; }
        }
    }

    public bool ContainsKey(ulong key) => TryGetValue(key, out _);

    public int this[ulong key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException();
        set
        {
            var capacity = _keys.Length;
            for (var i = Bucket(key, capacity); ; i = i + 1 == capacity ? 0 : i + 1)
            {
                if (_values[i] == 0)
                {
                    _keys[i] = key;
                    _values[i] = value + 1;
                    if (++Count > _keys.Length * 3L / 4) Grow();
                    return;
                }
                if (_keys[i] == key) { _values[i] = value + 1; return; }
            }
        }
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new ulong[Capacity(keys.Length * 3L / 2)];
        _values = new int[_keys.Length];
        Count = 0;
        for (var i = 0; i < keys.Length; i++) if (values[i] != 0) this[keys[i]] = values[i] - 1;
    }
}

/// <summary>
/// A set of 64-bit key hashes, open addressing with linear probing in one flat array: about 11 bytes a key against 20
/// for a <c>HashSet&lt;ulong&gt;</c>. The hash 0 is stored as a flag beside the array (0 marks an empty bucket).
/// </summary>
internal sealed class KeySet
{
    private ulong[] _keys;
    private bool _hasZero;
    public int Count { get; private set; }

    public KeySet(int expected) => _keys = new ulong[KeyMap.Capacity(expected)];

    /// <summary>Adds the key; false when it was already there.</summary>
    public bool Add(ulong key)
    {
        if (key == 0)
        {
            if (_hasZero) return false;
            _hasZero = true;
            Count++;
            return true;
        }
        var capacity = _keys.Length;
        for (var i = KeyMap.Bucket(key, capacity); ; i = i + 1 == capacity ? 0 : i + 1)
        {
            var k = _keys[i];
            if (k == key) return false;
            if (k == 0)
            {
                _keys[i] = key;
                if (++Count > _keys.Length * 3L / 4) Grow();
                return true;
            }
        }
    }

    private void Grow()
    {
        var keys = _keys;
        _keys = new ulong[KeyMap.Capacity(keys.Length * 3L / 2)];
        Count = _hasZero ? 1 : 0;
        foreach (var k in keys) if (k != 0) Add(k);
    }
}

/// <summary>
/// Optional dates of many records, as day numbers (4 bytes each against 8 for a <c>List&lt;DateOnly?&gt;</c>).
/// </summary>
internal sealed class DateList(int capacity)
{
    private const int None = int.MinValue;
    private readonly List<int> _days = new(capacity);

    public void Add(DateOnly? date) => _days.Add(date?.DayNumber ?? None);

    public DateOnly? this[int index]
    {
        get => _days[index] == None ? null : DateOnly.FromDayNumber(_days[index]);
        set => _days[index] = value?.DayNumber ?? None;
    }
}
