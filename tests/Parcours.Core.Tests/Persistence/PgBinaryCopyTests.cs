using Npgsql;
using Parcours.Core.Data;
using Parcours.TestCommon;

namespace Parcours.Core.Tests.Persistence;

/// <summary>
/// The project's own encoding of PostgreSQL's binary COPY format, sent to a real server and read back: every value
/// must come back as it was written, the edge cases of each type included.
/// </summary>
public class PgBinaryCopyTests
{
    private static readonly decimal[] Numbers =
    [
        0m, 0.00m, 1m, -1m, 1.50m, 0.5m, 0.0001m, -0.0001m, 10000m, 9999.9999m, 123456789.12m, -1000000.01m, 0.10m,
        20000.0000m, 1234567890123456789.0123456789m, decimal.MaxValue, decimal.MinValue, 100000000m, 0.00010000m,
    ];

    [Fact]
    public async Task Values_written_in_binary_copy_are_read_back_unchanged()
    {
        await using var connection = new NpgsqlConnection(PostgresTestServer.ConnectionStringForNewDatabase("binarycopy"));
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("""
            CREATE TABLE t (n integer, big bigint, flag boolean, day date, at timestamp with time zone, amount numeric(40, 10),
                            plain numeric, ratio double precision, label character varying(40), body text)
            """, connection))
            await create.ExecuteNonQueryAsync();

        var rows = new List<object?[]>();
        var at = new DateTime(2025, 3, 30, 1, 59, 59, 123, DateTimeKind.Utc).AddTicks(4560);
        for (var i = 0; i < Numbers.Length; i++)
        {
            rows.Add([
                i % 2 == 0 ? -i : int.MaxValue - i, i == 0 ? long.MinValue : 1L << (i % 63), i % 3 == 0,
                new DateOnly(1999, 12, 31).AddDays(i * 37), at.AddDays(-i * 400),
                decimal.Round(Numbers[i], 10) == Numbers[i] ? Numbers[i] : 1m,
                Numbers[i], i * 0.25 - 1e-9, $"Ligne {i} — éèçà 🌍", i == 3 ? "" : new string('x', i * 1000)]);
        }
        rows.Add([null, null, null, null, null, null, null, null, null, null]);

        var buffer = new PgBinaryCopyBuffer(64);
        foreach (var row in rows)
        {
            buffer.StartRow((short)row.Length);
            if (row[0] is int n) buffer.WriteInt32(n); else buffer.WriteNull();
            if (row[1] is long big) buffer.WriteInt64(big); else buffer.WriteNull();
            if (row[2] is bool flag) buffer.WriteBoolean(flag); else buffer.WriteNull();
            if (row[3] is DateOnly day) buffer.WriteDate(day); else buffer.WriteNull();
            if (row[4] is DateTime time) buffer.WriteTimestampTz(time); else buffer.WriteNull();
            if (row[5] is decimal amount) buffer.WriteNumeric(amount); else buffer.WriteNull();
            if (row[6] is decimal plain) buffer.WriteNumeric(plain); else buffer.WriteNull();
            if (row[7] is double ratio) buffer.WriteDouble(ratio); else buffer.WriteNull();
            if (row[8] is string label) buffer.WriteText(label); else buffer.WriteNull();
            if (row[9] is string body) buffer.WriteText(body); else buffer.WriteNull();
        }
        buffer.EndOfData();
        await using (var stream = await connection.BeginRawBinaryCopyAsync("COPY t FROM STDIN (FORMAT BINARY)"))
            await stream.WriteAsync(buffer.Written);

        await using var read = new NpgsqlCommand("SELECT n, big, flag, day, at, amount::text, plain, ratio, label, body, plain::text FROM t", connection);
        await using var reader = await read.ExecuteReaderAsync();
        var back = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var values = new object?[11];
            for (var c = 0; c < 11; c++) values[c] = reader.IsDBNull(c) ? null
                    : c == 3 ? reader.GetFieldValue<DateOnly>(c)
                    // numeric(40, 10) pads to ten decimals, beyond what a decimal can read back: compared by value through its text.
                    : c == 5 ? decimal.Parse(reader.GetString(c), System.Globalization.CultureInfo.InvariantCulture)
                    : reader.GetValue(c);
            back.Add(values);
        }
        Assert.Equal(rows.Count, back.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = rows[i];
            var actual = back.Single(b => Equals(b[1], expected[1]) && Equals(b[0], expected[0]));
            for (var c = 0; c < expected.Length; c++)
                Assert.True(Equals(expected[c], actual[c]), $"row {i}, column {c}: wrote {expected[c]}, read {actual[c]}");
            // The display scale is kept: 1.50 stays «1.50», 0.00010000 keeps its eight decimals.
            if (expected[6] is decimal written) Assert.Equal(written.ToString(System.Globalization.CultureInfo.InvariantCulture), actual[10]);
        }
    }

    [Fact]
    public void A_local_time_is_refused_for_a_timestamp_with_time_zone()
    {
        var buffer = new PgBinaryCopyBuffer();
        var error = Assert.Throws<ArgumentException>(() => buffer.WriteTimestampTz(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)));
        Assert.Contains("UTC", error.Message);
    }
}
