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
    internal static int Capacity(long count) => Capacity(count, 0.75);

    /// <summary>Buckets for <paramref name="count"/> keys at most <paramref name="maxLoad"/> full (at least 16).</summary>
    internal static int Capacity(long count, double maxLoad) => (int)Math.Min(Array.MaxLength, Math.Max(16, (long)((count + 1) / maxLoad) + 1));

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
/// A set of 64-bit key hashes, open addressing with linear probing in one flat array: about 11 bytes a key at most
/// 3/4 full, against 20 for a <c>HashSet&lt;ulong&gt;</c>. The hash 0 is stored as a flag beside the array (0 marks an
/// empty bucket). A set that only checks new keys for duplicates, sized from a known count, can be filled further
/// (<paramref name="maxLoad"/> 0.9: about 9 bytes a key; an insertion then scans about 5 buckets on average, adjacent
/// in memory).
/// </summary>
internal sealed class KeySet(int expected, double maxLoad = 0.75)
{
    private ulong[] _keys = new ulong[KeyMap.Capacity(expected, maxLoad)];
    private bool _hasZero;
    public int Count { get; private set; }

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
                if (++Count > _keys.Length * maxLoad) Grow();
                return true;
            }
        }
    }

    private void Grow()
    {
        var keys = _keys;
        _keys = new ulong[KeyMap.Capacity((long)(keys.Length * maxLoad * 2), maxLoad)];
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

/// <summary>
/// Database ids of the records of a key index, by slot, without 8 bytes for each new record. Slots added with a known
/// id (stored records, loaded before the dataset is read) keep it in a list; the slots of new records keep nothing:
/// once <see cref="AssignPending"/> has given them consecutive ids from a first one, in slot order, the id of such a
/// slot is that first id plus its rank among them. The few new slots that later learn a stored id (a person matched
/// by identity) keep it apart and take no rank. Before <see cref="AssignPending"/>, a new slot's id reads 0.
/// </summary>
/// <remarks>The list of known ids is sized to <paramref name="expectedKnown"/> (the file's rows in the manifest) when the
/// first one comes, so that a re-import of stored records does not grow it by doubling, and a first import reserves
/// nothing.</remarks>
internal sealed class IdTable(int expectedKnown)
{
    private readonly List<long> _known = []; // slots 0 .. _known.Count - 1
    private int _count;
    private readonly Dictionary<int, long> _overrides = []; // slots past _known that hold an id of their own
    private List<int>? _overrideRanks; // sorted slots of _overrides, for the ranks
    private long _first;
    private bool _assigned;

    public int Count => _count;

    /// <summary>Adds a slot with its id, or a new record's slot (id null) whose id comes from <see cref="AssignPending"/>.</summary>
    public void Add(long? id)
    {
        if (_count == _known.Count && id is { } known)
        {
            if (_known.Count == 0) _known.Capacity = Math.Max(expectedKnown, 4);
            _known.Add(known);
        }
        else if (id is { } own) _overrides[_count] = own;
        _count++;
    }

    /// <summary>New records' slots without an id of their own.</summary>
    public int PendingCount => _count - _known.Count - _overrides.Count;

    /// <summary>Gives the new records' slots consecutive ids from <paramref name="first"/>, in slot order.</summary>
    public void AssignPending(long first)
    {
        _first = first;
        _assigned = true;
        _overrideRanks = _overrides.Keys.Order().ToList();
    }

    public long this[int slot]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)slot, (uint)_count, nameof(slot));
            if (slot < _known.Count) return _known[slot];
            if (_overrides.TryGetValue(slot, out var own)) return own;
            if (!_assigned) return 0;
            var before = _overrideRanks!.BinarySearch(slot);
            return _first + (slot - _known.Count) - ~before;
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)slot, (uint)_count, nameof(slot));
            if (slot < _known.Count) { _known[slot] = value; return; }
            if (_assigned) throw new InvalidOperationException("Ids of new records are already assigned.");
            _overrides[slot] = value;
        }
    }
}

/// <summary>Three yes/no facts of each slot of a key index in one byte (three <c>List&lt;bool&gt;</c> took three).</summary>
internal sealed class SlotFlags
{
    public const byte Stored = 1, InDataset = 2, Keyed = 4;
    private readonly List<byte> _flags;

    public SlotFlags(int expected)
    {
        _flags = new(expected);
        StoredView = new(this, Stored);
        InDatasetView = new(this, InDataset);
        KeyedView = new(this, Keyed);
    }

    public View StoredView { get; }
    public View InDatasetView { get; }
    public View KeyedView { get; }

    public void Add(byte flags) => _flags.Add(flags);

    public bool Get(int slot, byte flag) => (_flags[slot] & flag) != 0;

    public void Set(int slot, byte flag, bool value) => _flags[slot] = (byte)(value ? _flags[slot] | flag : _flags[slot] & ~flag);

    /// <summary>One of the facts, read and written like a list of booleans.</summary>
    public sealed class View(SlotFlags owner, byte flag)
    {
        public bool this[int slot]
        {
            get => owner.Get(slot, flag);
            set => owner.Set(slot, flag, value);
        }
    }
}
