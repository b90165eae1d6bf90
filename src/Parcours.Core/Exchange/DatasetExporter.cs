using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Parcours.Core.Data;
using Parcours.Domain.Access;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Exchange;

public sealed record ExportOptions
{
    /// <summary>Code of the organisation whose pathways are exported (and producer of the dataset); null for all.</summary>
    public string? OrganisationCode { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool Anonymised { get; init; }
    /// <summary>Key of the pseudonyms; required when <see cref="Anonymised"/>.</summary>
    public byte[]? PseudonymKey { get; init; }
    public DateTimeOffset? ProducedAt { get; init; }
}

public sealed record ExportResult(Manifest Manifest, TimeSpan Elapsed)
{
    public long TotalRows => Manifest.Files.Sum(f => f.Rows);
}

/// <summary>
/// Writes a dataset (exchange format §8, §9) into a folder: one CSV per stored file, canonical form (§3.6), and
/// manifest.json with row counts and SHA-256. Reads with plain SQL through a data reader, so memory does not grow with
/// the size of the database. The anonymised feed keeps the columns of §9.2 and replaces person-related ids by pseudonyms.
/// </summary>
public sealed class DatasetExporter(ParcoursDbContext db)
{
    private readonly List<DbParameter> _parameters = [];

    public async Task<ExportResult> ExportAsync(string folder, ExportOptions options, IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
        Organisation? producerOrg;
        if (options.OrganisationCode is { } code)
            producerOrg = organisations.FirstOrDefault(o => o.Code == code)
                ?? throw new ExchangeException($"Aucune organisation n'a le code {code}.");
        else
            producerOrg = organisations.FirstOrDefault(o => o.Kind == Domain.CodeLists.OrganisationKind.PLIE) ?? organisations.FirstOrDefault()
                ?? throw new ExchangeException("La base ne contient aucune organisation : rien à exporter.");
        if (options.Anonymised && options.PseudonymKey is null) throw new ArgumentException("A pseudonymisation key is required.", nameof(options));

        var producedAt = options.ProducedAt ?? DateTimeOffset.Now;
        var from = options.From ?? new DateOnly(1900, 1, 1);
        var to = options.To ?? DateOnly.FromDateTime(producedAt.Date);
        var manifest = new Manifest
        {
            Producer = new ManifestProducer { Code = producerOrg.Code, OrganisationId = producerOrg.Code },
            ProducedAt = producedAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            Period = new ManifestPeriod { Start = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), End = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            Anonymised = options.Anonymised,
        };
        var pseudonymiser = options.Anonymised ? new Pseudonymiser(options.PseudonymKey!, producerOrg.Code) : null;
        if (pseudonymiser is not null) manifest.Pseudonymisation = new ManifestPseudonymisation { KeyId = pseudonymiser.KeyId };

        var files = ExchangeSchema.Files.Where(f => !options.Anonymised || ExchangeSchema.FeedFiles.Contains(f.Name)).ToList();
        var selection = new Selection(options, options.OrganisationCode is null ? null : producerOrg.Id, from, to);
        var done = 0;
        foreach (var spec in files)
        {
            progress?.Report((done++, files.Count));
            manifest.Files.Add(await WriteFileAsync(folder, spec, selection, pseudonymiser, ct));
        }
        progress?.Report((files.Count, files.Count));
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest, Manifest.Json) + "\n", new UTF8Encoding(false), ct);
        // §8.1: each export is logged (who, which dataset, which producer, period, anonymised or not, row counts).
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = DateTime.UtcNow, UserId = db.Scope.UserId, Actor = db.Scope.Actor, OrganisationId = producerOrg.Id,
            EntityType = "Dataset", Action = options.Anonymised ? "ExportedAnonymised" : "Exported",
            Changes = JsonSerializer.Serialize(new { dataset_id = manifest.DatasetId, producer = producerOrg.Code, period = manifest.Period,
                files = manifest.Files.Select(f => new { f.Name, f.Rows }) }),
        });
        await db.SaveChangesAsync(ct);
        return new ExportResult(manifest, watch.Elapsed);
    }

    private sealed record Selection(ExportOptions Options, long? OrganisationId, DateOnly From, DateOnly To)
    {
        public bool Filtered => OrganisationId is not null || Options.From is not null || Options.To is not null || Options.Anonymised;
    }

    private async Task<ManifestFile> WriteFileAsync(string folder, FileSpec spec, Selection selection, Pseudonymiser? pseudonymiser, CancellationToken ct)
    {
        var columns = ExchangeSchema.ExportedColumns(spec, selection.Options.Anonymised);
        _parameters.Clear();
        var sql = BuildSql(spec, columns, selection);
        var path = Path.Combine(folder, spec.Name);
        long rows = 0;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        await using (var writer = new StreamWriter(file, new UTF8Encoding(false), 1 << 16))
        {
            var csv = new CsvRecordWriter(writer);
            csv.Write(columns.Select(c => c.Name).ToList());
            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 3600;
            foreach (var p in _parameters) command.Parameters.Add(p);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var values = new string?[columns.Count];
            while (await reader.ReadAsync(ct))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var column = columns[i];
                    var raw = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    var text = FormatDb(spec, column, raw);
                    if (text is not null && pseudonymiser is not null)
                    {
                        if (column.PseudonymEntity is { } entity) text = pseudonymiser.Pseudonym(entity, text);
                        else text = FeedReplacement(spec, column, text);
                    }
                    values[i] = text;
                }
                csv.Write(values);
                rows++;
            }
        }
        string sha;
        await using (var read = File.OpenRead(path)) sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
        return new ManifestFile { Name = spec.Name, Rows = rows, Sha256 = sha };
    }

    /// <summary>§9.2: sensitive prescriber kinds and exit reasons are written with a generic code in a feed.</summary>
    private static string FeedReplacement(FileSpec spec, ColumnSpec column, string value) => (spec.Name, column.Name, value) switch
    {
        ("pathways.csv", "prescriber_kind", "JUSTICE" or "SANTE_HANDICAP") => "AUTRE",
        ("pathways.csv", "exit_reason", "SANTE" or "NON_RESPECT_CONTRAT") => "AUTRE_SANS_SUITE",
        _ => value,
    };

    private static string? FormatDb(FileSpec spec, ColumnSpec column, object? raw)
    {
        if (raw is null) return null;
        if (spec == ExchangeSchema.Referents && column.Name == "fte")
            return ExchangeValues.FormatDecimal(Convert.ToDecimal(raw, CultureInfo.InvariantCulture) / 100m);
        switch (column.Type)
        {
            case ColumnType.Date:
                return raw switch
                {
                    DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    string s => s.Length >= 10 ? s[..10] : s,
                    _ => Convert.ToString(raw, CultureInfo.InvariantCulture),
                };
            case ColumnType.Boolean:
                return raw switch
                {
                    bool b => b ? "1" : "0",
                    _ => Convert.ToInt64(raw, CultureInfo.InvariantCulture) != 0 ? "1" : "0",
                };
            case ColumnType.Decimal:
            case ColumnType.Amount:
                var number = raw is string text ? decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
                return ExchangeValues.Format(column.Type, number);
            case ColumnType.Integer:
            case ColumnType.Year:
                return Convert.ToInt64(raw, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            default:
                return Convert.ToString(raw, CultureInfo.InvariantCulture);
        }
    }

    private IEntityType Entity(Type type) => db.Model.FindEntityType(type)!;

    private string Column(Type type, string property) => Entity(type).FindProperty(property)!.GetColumnName();

    private string Table(Type type) => Entity(type).GetTableName()!;

    /// <summary>SQL expression of the local id of a row of <paramref name="target"/> under alias <paramref name="alias"/>.</summary>
    private string KeyExpression(FileSpec target, string alias)
    {
        if (target == ExchangeSchema.Organisations) return $"{alias}.code";
        var concat = $"'{target.LocalIdPrefix}' || CAST({alias}.id AS {(db.Engine == DatabaseEngine.Postgres ? "text" : "TEXT")})";
        return $"CASE WHEN {alias}.id IS NULL THEN NULL ELSE COALESCE({alias}.external_id, {concat}) END";
    }

    private string BuildSql(FileSpec spec, IReadOnlyList<ColumnSpec> columns, Selection selection)
    {
        var select = new List<string>();
        var joins = new List<string>();
        var identityJoined = false;
        var n = 0;
        foreach (var column in columns)
        {
            var property = column.Property ?? Pascal(column.Name);
            if (column.Key) select.Add(KeyExpression(spec, "t"));
            else if (column.References is { } refFile)
            {
                var target = ExchangeSchema.Find(refFile);
                var fk = Entity(spec.EntityType).FindProperty(property);
                if (target is null || fk is null) { select.Add("NULL"); continue; }
                var alias = $"r{n++}";
                joins.Add($"LEFT JOIN {Table(target.EntityType)} {alias} ON {alias}.id = t.{fk.GetColumnName()}");
                select.Add(KeyExpression(target, alias));
            }
            else if (property.StartsWith("Identity.", StringComparison.Ordinal))
            {
                if (!identityJoined) joins.Add($"LEFT JOIN {Table(typeof(ParticipantIdentity))} idn ON idn.id = t.id");
                identityJoined = true;
                select.Add($"idn.{Column(typeof(ParticipantIdentity), property["Identity.".Length..])}");
            }
            else if (Entity(spec.EntityType).FindProperty(property) is null) select.Add("NULL"); // not stored yet (see docs/spec-notes.md)
            else select.Add($"t.{Column(spec.EntityType, property)}");
        }
        var where = selection.Filtered ? Where(spec, selection) : null;
        var collate = db.Engine == DatabaseEngine.Postgres ? " COLLATE \"C\"" : "";
        var order = $"({KeyExpression(spec, "t")}){collate}, t.id";
        return $"SELECT {string.Join(", ", select)} FROM {Table(spec.EntityType)} t {string.Join(" ", joins)}"
            + (where is null ? "" : $" WHERE {where}") + $" ORDER BY {order}";
    }

    private string Parameter(object value)
    {
        var p = db.Database.GetDbConnection().CreateCommand().CreateParameter();
        p.ParameterName = $"@p{_parameters.Count}";
        p.Value = value;
        _parameters.Add(p);
        return p.ParameterName;
    }

    /// <summary>Pathways selected by §8.2 (and §9.3 for a feed), as a SQL predicate on alias <c>p</c>.</summary>
    private string PathwayPredicate(Selection s)
    {
        var parts = new List<string>();
        if (s.OrganisationId is { } org) parts.Add($"p.organisation_id = {Parameter(org)}");
        var fromText = s.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var toText = s.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        object From() => db.Engine == DatabaseEngine.Postgres ? s.From : fromText;
        object To() => db.Engine == DatabaseEngine.Postgres ? s.To : toText;
        if (s.Options.From is not null || s.Options.To is not null)
        {
            parts.Add($"COALESCE(p.prescription_date, p.entry_date) <= {Parameter(To())}");
            var f = Parameter(From());
            parts.Add($"((p.exit_date IS NULL AND p.non_entry_date IS NULL) OR p.exit_date >= {f} OR p.non_entry_date >= {f})");
        }
        if (s.Options.Anonymised) parts.Add("p.scheme IN ('PLIE', 'CLAUSE_SOCIALE')");
        return parts.Count == 0 ? "1 = 1" : string.Join(" AND ", parts);
    }

    private string Where(FileSpec spec, Selection s)
    {
        var pathways = $"SELECT p.id FROM pathways_pathway p WHERE {PathwayPredicate(s)}";
        switch (spec.Name)
        {
            case "pathways.csv":
                return $"t.id IN ({pathways})";
            case "steps.csv" or "barriers.csv" or "contracts.csv" or "appointments.csv":
                return $"t.pathway_id IN ({pathways})";
            case "participants.csv":
                return $"t.id IN (SELECT p.participant_id FROM pathways_pathway p WHERE {PathwayPredicate(s)})";
            case "referents.csv":
                return $"t.id IN (SELECT p.referent_id FROM pathways_pathway p WHERE {PathwayPredicate(s)})"
                    + (s.OrganisationId is { } org ? $" OR t.organisation_id = {Parameter(org)}" : "")
                    + $" OR t.id IN (SELECT a.referent_id FROM pathways_appointment a WHERE a.pathway_id IN ({pathways}))";
            case "organisations.csv":
                // Organisations cited by the selected records, with their parents (two levels: PLIE → host structure → group).
                var cited = $"SELECT p.organisation_id FROM pathways_pathway p WHERE {PathwayPredicate(s)}"
                    + $" UNION SELECT p.prescriber_organisation_id FROM pathways_pathway p WHERE {PathwayPredicate(s)}"
                    + $" UNION SELECT r.organisation_id FROM pathways_referent r"
                    + $" UNION SELECT r.employer_organisation_id FROM pathways_referent r"
                    + $" UNION SELECT st.provider_organisation_id FROM pathways_step st WHERE st.pathway_id IN ({pathways})"
                    + $" UNION SELECT c.signatory_organisation_id FROM pathways_contract c WHERE c.pathway_id IN ({pathways})";
                if (s.OrganisationId is { } producer) cited += $" UNION SELECT {Parameter(producer)}";
                return $"t.id IN ({cited}) OR t.id IN (SELECT o.parent_organisation_id FROM access_organisation o WHERE o.id IN ({cited}))"
                    + $" OR t.id IN (SELECT o2.parent_organisation_id FROM access_organisation o2 WHERE o2.id IN (SELECT o.parent_organisation_id FROM access_organisation o WHERE o.id IN ({cited})))";
            default:
                return "1 = 1";
        }
    }

    internal static string Pascal(string snake)
    {
        var sb = new StringBuilder(snake.Length);
        var upper = true;
        foreach (var c in snake)
        {
            if (c == '_') { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.ToString();
    }
}

/// <summary>An exchange operation that cannot run (bad option, unknown organisation…); the message is French.</summary>
public sealed class ExchangeException(string message) : Exception(message);
