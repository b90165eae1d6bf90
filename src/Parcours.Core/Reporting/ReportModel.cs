namespace Parcours.Core.Reporting;

/// <summary>
/// A computed table: rows and columns with stable keys (codes, never labels), a French label for each, and a
/// value per cell (null when a denominator is 0 or a group is empty, shown «—»). Counts are whole numbers held as
/// doubles so that one table type carries counts, rates and means alike.
/// </summary>
public sealed class ReportTable(string id, string title, IReadOnlyList<string> columns)
{
    public string Id { get; } = id;
    public string Title { get; } = title;
    public IReadOnlyList<string> Columns { get; } = columns;
    public List<ReportRow> Rows { get; } = [];

    /// <summary>What the cells hold: counts, rates (0 to 1), means or amounts in euros.</summary>
    public CellKind Kind { get; init; } = CellKind.Count;

    /// <summary>French label of a row key; <see cref="ReportLabels.Of"/> when not set.</summary>
    public Func<string, string>? RowLabel { get; init; }

    /// <summary>Columns whose cells are not of the row's kind (for example a mean column in a table of counts).</summary>
    public IReadOnlyDictionary<string, CellKind>? ColumnKinds { get; init; }

    public CellKind KindOf(ReportRow row, string column) =>
        ColumnKinds is not null && ColumnKinds.TryGetValue(column, out var kind) ? kind : row.Kind;

    public string LabelOf(string rowKey) => RowLabel?.Invoke(rowKey) ?? ReportLabels.Of(rowKey);

    public ReportRow Add(string key, CellKind? kind = null)
    {
        var row = new ReportRow(key, kind ?? Kind);
        Rows.Add(row);
        return row;
    }

    public ReportRow Row(string key) => Rows.Find(r => r.Key == key)
        ?? throw new KeyNotFoundException($"Table {Id}: no row {key}.");

    public double? this[string row, string column] => Row(row)[column];
}

public enum CellKind
{
    Count,
    Rate,
    Mean,

    /// <summary>An amount in euros, to the cent.</summary>
    Amount,
}

public sealed class ReportRow(string key, CellKind kind)
{
    public string Key { get; } = key;
    public CellKind Kind { get; } = kind;
    public Dictionary<string, double?> Values { get; } = [];

    public double? this[string column]
    {
        get => Values.GetValueOrDefault(column);
        set => Values[column] = value;
    }
}

/// <summary>A block of text written by people (for example the editorial blocks of the monthly letter), shown escaped.</summary>
public sealed record ReportText(string Id, string Title, string Text);

/// <summary>An identity a table must satisfy, with the figures that prove or break it .</summary>
public sealed record ReportCheck(string Id, bool Passed, string Detail);

/// <summary>The result of one report: its tables and the checks run on them before anything is published.</summary>
public sealed class ReportResult
{
    public required string Report { get; init; }
    public int? Year { get; init; }
    public string? Month { get; init; }
    public required IReadOnlyList<string> Organisations { get; init; }
    public List<ReportTable> Tables { get; } = [];
    public List<ReportCheck> Checks { get; } = [];

    /// <summary>Texts written by the coordination team, printed after the tables; never computed.</summary>
    public List<ReportText> Texts { get; } = [];

    /// <summary>Definitions in force, printed in every rendering .</summary>
    public List<string> Definitions { get; } = [];

    public bool Passed => Checks.TrueForAll(c => c.Passed);

    public IEnumerable<ReportCheck> Failed => Checks.Where(c => !c.Passed);

    public ReportTable Table(string id) => Tables.Find(t => t.Id == id)
        ?? throw new KeyNotFoundException($"No table {id}.");
}
