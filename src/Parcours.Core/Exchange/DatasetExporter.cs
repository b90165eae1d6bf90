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
    /// <summary>«Excel-friendly» files (§3.6): a byte-order mark and «;». Still a valid dataset, not a canonical one.</summary>
    public bool ExcelFriendly { get; init; }
    /// <summary>
    /// The key of the previous feeds after a key change (§9.4): the feed then holds pseudonym_rekey.csv, the old and
    /// new pseudonym of every record of the five pseudonymised entities in the selection, whatever the period.
    /// </summary>
    public byte[]? PreviousPseudonymKey { get; init; }
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
        if (pseudonymiser is not null && options.PreviousPseudonymKey is { } previousKey)
            manifest.Files.Add(await WriteRekeyAsync(folder, selection with { From = new DateOnly(1900, 1, 1), To = DateOnly.MaxValue, AllPeriods = true },
                new Pseudonymiser(previousKey, producerOrg.Code), pseudonymiser, ct));
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
        public bool Filtered => OrganisationId is not null || Periodic || Options.Anonymised;

        /// <summary>True when the selection has a period (§8.2); false for the pseudonyms of pseudonym_rekey.csv.</summary>
        public bool Periodic => !AllPeriods && (Options.From is not null || Options.To is not null);

        public bool AllPeriods { get; init; }
    }

    /// <summary>pseudonym_rekey.csv (§9.4): entity, old pseudonym, new pseudonym, sorted by entity then old pseudonym.</summary>
    private async Task<ManifestFile> WriteRekeyAsync(string folder, Selection selection, Pseudonymiser old, Pseudonymiser current, CancellationToken ct)
    {
        var path = Path.Combine(folder, ExchangeSchema.PseudonymRekey.Name);
        long rows = 0;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        await using (var writer = new StreamWriter(file, new UTF8Encoding(selection.Options.ExcelFriendly), 1 << 16))
        {
            var csv = new CsvRecordWriter(writer, selection.Options.ExcelFriendly ? ';' : ',');
            csv.Write(ExchangeSchema.PseudonymRekey.Columns.Select(c => c.Name).ToList());
            foreach (var (entity, fileName) in ExchangeSchema.PseudonymFiles.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var spec = ExchangeSchema.Find(fileName)!;
                _parameters.Clear();
                var sql = BuildSql(spec, [spec.KeyColumn], selection);
                var pairs = new List<(string Old, string New)>();
                var connection = db.Database.GetDbConnection();
                if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = sql;
                    command.CommandTimeout = 3600;
                    foreach (var p in _parameters) command.Parameters.Add(p);
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                        var id = Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!;
                        pairs.Add((old.Pseudonym(entity, id), current.Pseudonym(entity, id)));
                    }
                }
                foreach (var (o, n) in pairs.OrderBy(x => x.Old, StringComparer.Ordinal))
                {
                    csv.Write([entity, o, n]);
                    rows++;
                }
            }
        }
        string sha;
        await using (var read = File.OpenRead(path)) sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
        return new ManifestFile { Name = ExchangeSchema.PseudonymRekey.Name, Rows = rows, Sha256 = sha };
    }

    private async Task<ManifestFile> WriteFileAsync(string folder, FileSpec spec, Selection selection, Pseudonymiser? pseudonymiser, CancellationToken ct)
    {
        var columns = ExchangeSchema.ExportedColumns(spec, selection.Options.Anonymised);
        _parameters.Clear();
        var sql = BuildSql(spec, columns, selection);
        var path = Path.Combine(folder, spec.Name);
        long rows = 0;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        await using (var writer = new StreamWriter(file, new UTF8Encoding(selection.Options.ExcelFriendly), 1 << 16))
        {
            var csv = new CsvRecordWriter(writer, selection.Options.ExcelFriendly ? ';' : ',');
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
            case ColumnType.Month:
                var month = FormatDb(spec, column with { Type = ColumnType.Date }, raw);
                return month is { Length: >= 7 } ? month[..7] : month;
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
        var order = spec.CompositeKey
            ? string.Join(", ", spec.KeyColumns.Select(k => select[columns.ToList().IndexOf(spec.Columns[k])]).Select((e, i) => i == 0 ? $"({e}){collate}" : e)) + ", t.id"
            : $"({KeyExpression(spec, "t")}){collate}, t.id";
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
        if (s.Periodic)
        {
            parts.Add($"COALESCE(p.prescription_date, p.entry_date) <= {Parameter(To())}");
            var f = Parameter(From());
            parts.Add($"((p.exit_date IS NULL AND p.non_entry_date IS NULL) OR p.exit_date >= {f} OR p.non_entry_date >= {f})");
        }
        if (s.Options.Anonymised) parts.Add("p.scheme IN ('PLIE', 'CLAUSE_SOCIALE')");
        return parts.Count == 0 ? "1 = 1" : string.Join(" AND ", parts);
    }

    /// <summary>A date as a parameter: a date on PostgreSQL, ISO text on SQLite (how EF Core stores DateOnly there).</summary>
    private string DateParameter(DateOnly date) =>
        Parameter(db.Engine == DatabaseEngine.Postgres ? date : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>§8.2: operations of the years of the period (of the exported organisation), and those cited by the selected pathways and steps.</summary>
    private string OperationIds(Selection s, string pathways)
    {
        var own = new List<string>();
        if (s.Periodic) own.Add($"o.year BETWEEN {Parameter(s.From.Year)} AND {Parameter(s.To.Year)}");
        if (s.OrganisationId is { } org) own.Add($"(o.programme_organisation_id = {Parameter(org)} OR o.operator_organisation_id = {Parameter(org)})");
        if (s.Options.Anonymised && own.Count == 0) own.Add("1 = 1");
        var cited = $"SELECT p.operation_id FROM pathways_pathway p WHERE p.id IN ({pathways}) UNION SELECT st.operation_id FROM pathways_step st WHERE st.pathway_id IN ({pathways})";
        return $"SELECT o.id FROM fse_operation o WHERE {(own.Count == 0 ? "1 = 1" : string.Join(" AND ", own))} OR o.id IN ({cited})";
    }

    /// <summary>§8.2: actions whose period overlaps the period (of the exported organisation), and those of the selected steps.</summary>
    private string ActionIds(Selection s, string pathways)
    {
        var own = new List<string>();
        if (s.Periodic) own.Add($"a.period_start <= {DateParameter(s.To)} AND a.period_end >= {DateParameter(s.From)}");
        if (s.OrganisationId is { } org) own.Add($"(a.funder_organisation_id = {Parameter(org)} OR a.operator_organisation_id = {Parameter(org)})");
        var cited = $"SELECT st.action_id FROM pathways_step st WHERE st.pathway_id IN ({pathways})";
        return $"SELECT a.id FROM offer_action a WHERE {(own.Count == 0 ? "1 = 1" : string.Join(" AND ", own))} OR a.id IN ({cited})";
    }

    /// <summary>§8.2: clause hours whose period overlaps the period, of a selected pathway (or of no pathway, on a market of the exported organisation).</summary>
    private string HoursPredicate(Selection s, string pathways, string alias)
    {
        var parts = new List<string>();
        if (s.Periodic) parts.Add($"{alias}.period_start <= {DateParameter(s.To)} AND {alias}.period_end >= {DateParameter(s.From)}");
        var orphan = s.OrganisationId is { } org
            ? $"{alias}.market_id IN (SELECT m.id FROM clauses_market m WHERE m.buyer_organisation_id = {Parameter(org)} OR m.facilitator_organisation_id = {Parameter(org)})"
            : "1 = 1";
        parts.Add($"({alias}.pathway_id IN ({pathways}) OR ({alias}.pathway_id IS NULL AND {orphan}))");
        return string.Join(" AND ", parts);
    }

    /// <summary>§8.2: markets whose execution overlaps the period (of the exported organisation), cited by the selected steps, or with selected hours.</summary>
    private string MarketIds(Selection s, string pathways)
    {
        var own = new List<string>();
        if (s.Periodic)
            own.Add($"(m.start_date IS NULL OR m.start_date <= {DateParameter(s.To)}) AND (m.end_date IS NULL OR m.end_date >= {DateParameter(s.From)})");
        if (s.OrganisationId is { } org)
            own.Add($"(m.buyer_organisation_id = {Parameter(org)} OR m.facilitator_organisation_id = {Parameter(org)} OR m.awardee_organisation_id = {Parameter(org)})");
        var cited = $"SELECT st.clause_market_id FROM pathways_step st WHERE st.pathway_id IN ({pathways})"
            + $" UNION SELECT h.market_id FROM clauses_hours h WHERE {HoursPredicate(s, pathways, "h")}";
        return $"SELECT m.id FROM clauses_market m WHERE {(own.Count == 0 ? "1 = 1" : string.Join(" AND ", own))} OR m.id IN ({cited})";
    }

    private string Where(FileSpec spec, Selection s)
    {
        var pathways = $"SELECT p.id FROM pathways_pathway p WHERE {PathwayPredicate(s)}";
        switch (spec.Name)
        {
            case "operations.csv":
                return $"t.id IN ({OperationIds(s, pathways)})";
            case "financings.csv":
                return $"t.operation_id IN ({OperationIds(s, pathways)})";
            case "actions.csv":
                return $"t.id IN ({ActionIds(s, pathways)})";
            case "monthly_reports.csv":
                return $"t.action_id IN ({ActionIds(s, pathways)})"
                    + (s.Periodic ? $" AND t.month >= {DateParameter(new DateOnly(s.From.Year, s.From.Month, 1))} AND t.month <= {DateParameter(s.To)}" : "");
            case "clause_markets.csv":
                return $"t.id IN ({MarketIds(s, pathways)})";
            case "clause_hours.csv":
                return HoursPredicate(s, pathways, "t");
            case "pathways.csv":
                return $"t.id IN ({pathways})";
            case "steps.csv" or "barriers.csv" or "contracts.csv" or "appointments.csv":
                return $"t.pathway_id IN ({pathways})";
            case "participants.csv":
                return $"t.id IN (SELECT p.participant_id FROM pathways_pathway p WHERE {PathwayPredicate(s)})"
                    + $" OR t.id IN (SELECT h.participant_id FROM clauses_hours h WHERE {HoursPredicate(s, pathways, "h")})";
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
                var operations = OperationIds(s, pathways);
                cited += $" UNION SELECT o.programme_organisation_id FROM fse_operation o WHERE o.id IN ({operations})"
                    + $" UNION SELECT o.operator_organisation_id FROM fse_operation o WHERE o.id IN ({operations})"
                    + $" UNION SELECT f.funder_organisation_id FROM fse_financing f WHERE f.operation_id IN ({operations})";
                if (!s.Options.Anonymised)
                {
                    var actions = ActionIds(s, pathways);
                    cited += $" UNION SELECT a.funder_organisation_id FROM offer_action a WHERE a.id IN ({actions})"
                        + $" UNION SELECT a.operator_organisation_id FROM offer_action a WHERE a.id IN ({actions})";
                }
                var markets = MarketIds(s, pathways);
                cited += $" UNION SELECT m.buyer_organisation_id FROM clauses_market m WHERE m.id IN ({markets})"
                    + $" UNION SELECT m.awardee_organisation_id FROM clauses_market m WHERE m.id IN ({markets})"
                    + $" UNION SELECT m.facilitator_organisation_id FROM clauses_market m WHERE m.id IN ({markets})";
                if (s.OrganisationId is { } producer) cited += $" UNION SELECT {Parameter(producer)}";
                // With their parents and intermediate bodies, over two levels (PLIE → host structure → group).
                var level1 = $"SELECT o.parent_organisation_id FROM access_organisation o WHERE o.id IN ({cited})"
                    + $" UNION SELECT o.intermediate_body_id FROM access_organisation o WHERE o.id IN ({cited})";
                var level2 = $"SELECT o2.parent_organisation_id FROM access_organisation o2 WHERE o2.id IN ({level1})"
                    + $" UNION SELECT o2.intermediate_body_id FROM access_organisation o2 WHERE o2.id IN ({level1})";
                return $"t.id IN ({cited}) OR t.id IN ({level1}) OR t.id IN ({level2})";
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
