using System.Text;

namespace Parcours.Core.Exchange;

/// <summary>
/// The floor of the import benchmark: a psql script that loads the CSV files of a dataset with PostgreSQL's own COPY
/// into unindexed tables of the same shape (one column per CSV column, in the file's order). With
/// <c>typed</c>, each column takes the PostgreSQL type of its exchange-format type (§3.4: date, integer, numeric,
/// boolean; identifiers, codes, months and text stay text), so that the server converts the values as the import's
/// tables make it do; without, every column is text, the cheapest load there is.
/// </summary>
public static class CopyFloor
{
    public static string Script(string datasetFolder, bool typed)
    {
        var script = new StringBuilder();
        foreach (var path in Directory.GetFiles(datasetFolder, "*.csv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var spec = ExchangeSchema.Find(name);
            if (spec is null) continue; // the import's own report, deletions: not data of the benchmark
            var header = File.ReadLines(path).First().TrimStart('\uFEFF');
            var separator = header.Contains(';', StringComparison.Ordinal) && !header.Contains(',', StringComparison.Ordinal) ? ';' : ',';
            var columns = header.Split(separator).Select(c => c.Trim().Trim('"')).ToList();
            var table = "floor_" + Path.GetFileNameWithoutExtension(name);
            var definitions = columns.Select(c => $"\"{c}\" {(typed ? PostgresType(spec.Find(c)?.Type) : "text")}");
            script.AppendLine($"CREATE TABLE {table} ({string.Join(", ", definitions)});");
            script.AppendLine($"\\copy {table} FROM '{path.Replace("'", "''", StringComparison.Ordinal)}' WITH (FORMAT csv, HEADER true, DELIMITER '{separator}')");
        }
        return script.ToString();
    }

    /// <summary>The PostgreSQL type of a column of the exchange format; text for a column the format does not define.</summary>
    public static string PostgresType(ColumnType? type) => type switch
    {
        ColumnType.Date => "date",
        ColumnType.Integer or ColumnType.Year => "integer",
        ColumnType.Decimal or ColumnType.Amount => "numeric",
        ColumnType.Boolean => "boolean",
        _ => "text",
    };
}
