using System.Buffers.Binary;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Parcours.Core.Data;

/// <summary>
/// Rows of PostgreSQL's binary COPY format, encoded by the project rather than value by value through Npgsql's
/// importer: one compiled writer per entity type reads each mapped property without boxing, applies the EF Core value
/// converter inline (codes stored as text) and appends the field to a byte buffer, which is sent through Npgsql's raw
/// binary COPY stream in large chunks. The format (PostgreSQL documentation, «COPY», «Binary Format»): a signature
/// and two 32-bit words, then per row a 16-bit field count and per field a 32-bit length (-1 for NULL) and the value's
/// binary send form; a 16-bit -1 ends the data. All integers are big-endian.
/// </summary>
internal sealed class PgBinaryCopyBuffer
{
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int Epoch2000Days = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly long Epoch2000Ticks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private byte[] _buffer;
    private int _length;

    public PgBinaryCopyBuffer(int capacity = 1 << 20)
    {
        _buffer = new byte[capacity];
        WriteBytes(Signature);
        WriteInt32Raw(0); // flags: no OIDs
        WriteInt32Raw(0); // header extension length
    }

    public int Length => _length;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    /// <summary>Empties the buffer once its bytes were sent.</summary>
    public void Clear() => _length = 0;

    public void EndOfData() => WriteInt16Raw(-1);

    public void StartRow(short fields) => WriteInt16Raw(fields);

    public void WriteNull() => WriteInt32Raw(-1);

    public void WriteInt64(long value)
    {
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), 8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length + 4), value);
        _length += 12;
    }

    public void WriteInt32(int value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), 4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length + 4), value);
        _length += 8;
    }

    public void WriteBoolean(bool value)
    {
        Ensure(5);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), 1);
        _buffer[_length + 4] = value ? (byte)1 : (byte)0;
        _length += 5;
    }

    public void WriteDouble(double value) => WriteInt64(BitConverter.DoubleToInt64Bits(value));

    /// <summary>A date: days since 2000-01-01; the extreme values are PostgreSQL's infinities, as Npgsql sends them.</summary>
    public void WriteDate(DateOnly value) => WriteInt32(
        value == DateOnly.MaxValue ? int.MaxValue : value == DateOnly.MinValue ? int.MinValue : value.DayNumber - Epoch2000Days);

    /// <summary>A timestamp with time zone: microseconds since 2000-01-01 UTC. Like Npgsql, only UTC values are accepted.</summary>
    public void WriteTimestampTz(DateTime value)
    {
        if (value == DateTime.MaxValue) { WriteInt64(long.MaxValue); return; }
        if (value == DateTime.MinValue) { WriteInt64(long.MinValue); return; }
        if (value.Kind != DateTimeKind.Utc)
            throw new ArgumentException($"A timestamp with time zone must be UTC (Kind {value.Kind}).", nameof(value));
        WriteInt64((value.Ticks - Epoch2000Ticks) / TimeSpan.TicksPerMicrosecond);
    }

    public void WriteText(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Ensure(4 + max);
        var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), written);
        _length += 4 + written;
    }

    /// <summary>
    /// A numeric: digits in base 10,000 from the most significant, the weight of the first (power of 10,000), the sign
    /// and the display scale (the decimal's own scale, so that 1.50 stays 1.50).
    /// </summary>
    public void WriteNumeric(decimal value)
    {
        var scale = value.Scale;
        var text = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integer = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        if (integer == "0") integer = "";
        // Pad the integer part on the left and the fraction on the right to whole groups of four digits.
        integer = new string('0', (4 - integer.Length % 4) % 4) + integer;
        fraction += new string('0', (4 - fraction.Length % 4) % 4);
        var groups = new List<short>((integer.Length + fraction.Length) / 4);
        for (var i = 0; i < integer.Length; i += 4) groups.Add(short.Parse(integer.AsSpan(i, 4), CultureInfo.InvariantCulture));
        for (var i = 0; i < fraction.Length; i += 4) groups.Add(short.Parse(fraction.AsSpan(i, 4), CultureInfo.InvariantCulture));
        var weight = integer.Length / 4 - 1;
        var first = 0;
        while (first < groups.Count && groups[first] == 0) { first++; weight--; }
        var last = groups.Count - 1;
        while (last >= first && groups[last] == 0) last--;
        var digits = last - first + 1;
        if (digits == 0) weight = 0;
        Ensure(4 + 8 + 2 * digits);
        var span = _buffer.AsSpan(_length);
        BinaryPrimitives.WriteInt32BigEndian(span, 8 + 2 * digits);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)digits);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)weight);
        BinaryPrimitives.WriteInt16BigEndian(span[8..], value < 0 && digits > 0 ? unchecked((short)0x4000) : (short)0);
        BinaryPrimitives.WriteInt16BigEndian(span[10..], (short)scale);
        for (var i = 0; i < digits; i++) BinaryPrimitives.WriteInt16BigEndian(span[(12 + 2 * i)..], groups[first + i]);
        _length += 12 + 2 * digits;
    }

    private void WriteInt16Raw(short value)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), value);
        _length += 2;
    }

    private void WriteInt32Raw(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
    }
}

/// <summary>
/// The compiled row writer of one entity type: for each mapped column, in the order given, the property read with its
/// static type, the EF Core value converter applied as an expression, and the matching <see cref="PgBinaryCopyBuffer"/>
/// method; nullable values write NULL.
/// </summary>
internal static class PgBinaryRowWriter
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), Action<object, PgBinaryCopyBuffer>> Cache = new();

    public static Action<object, PgBinaryCopyBuffer> For(IEntityType entity, IReadOnlyList<IProperty> columns) =>
        Cache.GetOrAdd((entity.ClrType, string.Join(',', columns.Select(c => c.Name))), _ => Compile(entity.ClrType, columns));

    private static Action<object, PgBinaryCopyBuffer> Compile(Type clrType, IReadOnlyList<IProperty> columns)
    {
        var row = Expression.Parameter(typeof(object), "row");
        var buffer = Expression.Parameter(typeof(PgBinaryCopyBuffer), "buffer");
        var typed = Expression.Variable(clrType, "entity");
        var body = new List<Expression>
        {
            Expression.Assign(typed, Expression.Convert(row, clrType)),
            Expression.Call(buffer, nameof(PgBinaryCopyBuffer.StartRow), null, Expression.Constant((short)columns.Count)),
        };
        foreach (var column in columns) body.Add(WriteColumn(typed, buffer, column));
        var lambda = Expression.Lambda<Action<object, PgBinaryCopyBuffer>>(Expression.Block([typed], body), row, buffer);
        return lambda.Compile();
    }

    private static Expression WriteColumn(Expression entity, ParameterExpression buffer, IProperty column)
    {
        Expression value = Expression.Property(entity, column.PropertyInfo!);
        var writeNull = Expression.Call(buffer, nameof(PgBinaryCopyBuffer.WriteNull), null);
        var converter = column.GetTypeMapping().Converter;
        var underlying = Nullable.GetUnderlyingType(value.Type);
        Expression? hasValue = null;
        if (underlying is not null)
        {
            hasValue = Expression.Property(value, "HasValue");
            value = Expression.Property(value, "Value");
        }
        else if (!value.Type.IsValueType)
        {
            hasValue = Expression.NotEqual(value, Expression.Constant(null, value.Type));
        }
        if (converter is not null)
        {
            var convert = converter.ConvertToProviderExpression;
            var input = value.Type == convert.Parameters[0].Type ? value : Expression.Convert(value, convert.Parameters[0].Type);
            value = ReplacingVisitor.Replace(convert.Body, convert.Parameters[0], input);
        }
        var provider = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        if (provider != value.Type)
        {
            // A converter that returns a nullable value: NULL when it has none.
            var converted = Expression.Variable(value.Type, "converted");
            var write = Write(buffer, Expression.Property(converted, "Value"), provider, column);
            var inner = Expression.Block([converted], Expression.Assign(converted, value),
                Expression.IfThenElse(Expression.Property(converted, "HasValue"), write, writeNull));
            return hasValue is null ? inner : Expression.IfThenElse(hasValue, inner, writeNull);
        }
        if (!provider.IsValueType && converter is not null)
        {
            // A converter to a reference type (a code to its text): NULL when it returns null.
            var converted = Expression.Variable(value.Type, "converted");
            var write = Write(buffer, converted, provider, column);
            var inner = Expression.Block([converted], Expression.Assign(converted, value),
                Expression.IfThenElse(Expression.NotEqual(converted, Expression.Constant(null, value.Type)), write, writeNull));
            return hasValue is null ? inner : Expression.IfThenElse(hasValue, inner, writeNull);
        }
        var direct = Write(buffer, value, provider, column);
        return hasValue is null ? direct : Expression.IfThenElse(hasValue, direct, writeNull);
    }

    private static MethodCallExpression Write(ParameterExpression buffer, Expression value, Type provider, IProperty column)
    {
        string method;
        if (provider == typeof(long)) method = nameof(PgBinaryCopyBuffer.WriteInt64);
        else if (provider == typeof(int)) method = nameof(PgBinaryCopyBuffer.WriteInt32);
        else if (provider == typeof(string)) method = nameof(PgBinaryCopyBuffer.WriteText);
        else if (provider == typeof(bool)) method = nameof(PgBinaryCopyBuffer.WriteBoolean);
        else if (provider == typeof(DateOnly)) method = nameof(PgBinaryCopyBuffer.WriteDate);
        else if (provider == typeof(DateTime)) method = nameof(PgBinaryCopyBuffer.WriteTimestampTz);
        else if (provider == typeof(decimal)) method = nameof(PgBinaryCopyBuffer.WriteNumeric);
        else if (provider == typeof(double)) method = nameof(PgBinaryCopyBuffer.WriteDouble);
        else throw new NotSupportedException($"No COPY encoding for {provider.Name} ({column.DeclaringType.DisplayName()}.{column.Name}).");
        var storeType = column.GetColumnType();
        if (provider == typeof(string) && !(storeType.StartsWith("character varying", StringComparison.Ordinal) || storeType == "text"))
            throw new NotSupportedException($"No COPY encoding of text into {storeType} ({column.DeclaringType.DisplayName()}.{column.Name}).");
        return Expression.Call(buffer, method, null, value);
    }

    private sealed class ReplacingVisitor(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        public static Expression Replace(Expression body, ParameterExpression from, Expression to) => new ReplacingVisitor(from, to).Visit(body);

        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
