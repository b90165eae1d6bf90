using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Parcours.Domain.Access;
using Parcours.Domain.Clauses;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Fse;
using Parcours.Domain.Offer;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Exchange;

/// <summary>
/// The rules of the programming, action and clause files (exchange format §5.9 to §5.14), the cross-file rules of
/// pathways, steps and contracts (P3, P7, P8, S4, S5, §5.7 warnings, REFERENCE_KIND, CODE_DEPRECATED), deletions
/// (§7.4) and the pseudonym key change (§9.4). Pass 1 keeps only what these rules need, keyed by the slots of the
/// key index.
/// </summary>
public sealed partial class DatasetImporter
{
    private static readonly Action<int> NoCheck = _ => { };

    /// <summary>Records whose row had an error: their facts are unknown to the rules of other files.</summary>
    private readonly HashSet<(string File, int Slot)> _rowsInError = [];

    /// <summary>pseudonym_rekey.csv: per file, hash of the old pseudonym → hash of the new one.</summary>
    private readonly Dictionary<string, Dictionary<ulong, ulong>> _rekeys = [];
    private readonly HashSet<(string, string)> _rekeySeen = [];

    /// <summary>deletions.csv: per file, hashes of the deleted keys (stored or not), and the stored records to delete.</summary>
    private readonly Dictionary<string, HashSet<ulong>> _deletedKeys = [];
    private readonly List<(string File, int Line, string Key, long EntityId)> _deletions = [];

    private readonly Dictionary<int, (ulong Parent, int Line, string RecordId)> _organisationParents = [];
    private readonly Dictionary<int, (int Line, string RecordId, decimal TotalCost, ProgrammingLineStatus Status)> _operationChecks = [];
    private readonly Dictionary<int, decimal> _mobilisedFinancings = [];
    private readonly Dictionary<int, decimal> _fseFinancings = [];
    private readonly List<(int Action, DateOnly Month, Domain.Offer.ActionRules.MonthFigures Figures, int Line, string RecordId)> _reports = [];
    private readonly Dictionary<int, List<Domain.Offer.ActionRules.ActionStep>> _actionSteps = [];
    /// <summary>P3: the first entered pathway of each participant, and the further ones of the few who have several (memory).</summary>
    /// <remarks>By participant slot (an entry date of default: none yet): 20 bytes a participant against 45 in a dictionary.</remarks>
    private (int Programme, Scheme Scheme, DateOnly Entry, DateOnly? Exit)[] _firstEntered = [];
    private readonly Dictionary<int, List<(int Programme, Scheme Scheme, DateOnly Entry, DateOnly? Exit)>> _moreEntered = [];
    private readonly Dictionary<int, (ExitReason Reason, bool Plie, DateOnly? ExitDate, int Line, string RecordId)> _exitChecks = [];
    private readonly Dictionary<ulong, int> _exitStepOwner = [];
    /// <remarks>CER and PPAE of each participant: the first by participant slot (a start of default: none), the further ones
    /// of the few who have several in a dictionary; a list per participant took 60 MB at a million participants.</remarks>
    private (CommitmentContractKind Kind, DateOnly Start, DateOnly? End)[] _firstEngagement = [];
    private readonly Dictionary<int, List<(CommitmentContractKind Kind, DateOnly Start, DateOnly? End)>> _moreEngagements = [];

    /// <summary>
    /// Facts that only the rules of one file read are dropped once that file is read (memory): the entered pathways (P3)
    /// after pathways.csv, the exit facts (P7) after steps.csv, the CER and PPAE after contracts.csv.
    /// </summary>
    private void ForgetFactsRead(string file)
    {
        var participants = _indexes[ExchangeSchema.Participants.Name];
        var pathways = _indexes[ExchangeSchema.Pathways.Name];
        bool Listed(FileSpec spec) => _manifest.Files.Any(f => f.Name == spec.Name);
        if (file == ExchangeSchema.Pathways.Name)
        {
            _firstEntered = [];
            _moreEntered.Clear(); _moreEntered.TrimExcess();
            participants.Forget(FileIndex.Facts.Date1); // birth dates: the pathways' age at entry
        }
        else if (file == ExchangeSchema.Steps.Name)
        {
            _exitChecks.Clear(); _exitChecks.TrimExcess();
            _exitStepOwner.Clear(); _exitStepOwner.TrimExcess();
            pathways.Forget(FileIndex.Facts.Date1 | FileIndex.Facts.Date2 | FileIndex.Facts.Kind); // the steps' dates and RSA rules
        }
        else if (file == ExchangeSchema.Contracts.Name)
        {
            _firstEngagement = [];
            _moreEngagements.Clear(); _moreEngagements.TrimExcess();
        }
        // The participant of each pathway: read by the contracts (CER/PPAE) and the clause hours.
        if ((file == ExchangeSchema.Contracts.Name || file == ExchangeSchema.ClauseHours.Name)
            && FileOrder[file] >= ExchangeSchema.Files.Where(Listed).Where(f => f == ExchangeSchema.Contracts || f == ExchangeSchema.ClauseHours).Select(f => FileOrder[f.Name]).DefaultIfEmpty(-1).Max())
            pathways.Forget(FileIndex.Facts.Link);
    }

    /// <summary>Once the dataset is validated, the facts that only validation reads are dropped before writing (memory).</summary>
    private void ForgetValidationFacts()
    {
        _firstEntered = [];
        _moreEntered.Clear(); _moreEntered.TrimExcess();
        _exitChecks.Clear(); _exitChecks.TrimExcess();
        _exitStepOwner.Clear(); _exitStepOwner.TrimExcess();
        _firstEngagement = [];
        _moreEngagements.Clear(); _moreEngagements.TrimExcess();
        _actionSteps.Clear(); _actionSteps.TrimExcess();
        _reports.Clear(); _reports.TrimExcess();
        _operationChecks.Clear(); _operationChecks.TrimExcess();
        _mobilisedFinancings.Clear(); _mobilisedFinancings.TrimExcess();
        _fseFinancings.Clear(); _fseFinancings.TrimExcess();
        _organisationParents.Clear(); _organisationParents.TrimExcess();
    }

    /// <summary>Codes that are no longer in force (codelists.md §0 «valid until»), with the first date they are not.</summary>
    private static readonly Dictionary<(string List, string Code), DateOnly> Deprecated = new()
    {
        // codelists.md §5.2: EMPLOI_AVENIR «is valid for history only»; the scheme took no new contracts from 2018.
        [("TYPE_ETAPE", "EMPLOI_AVENIR")] = new DateOnly(2018, 1, 1),
    };

    private const int RsaEligible = 1;

    // ---------------------------------------------------------------- deletions.csv and pseudonym_rekey.csv (pass 1)

    /// <summary>Reads a file that is not stored as such (deletions.csv, pseudonym_rekey.csv): syntax, header, types, digest.</summary>
    private async Task ValidateSpecialFileAsync(DatasetSource source, FileSpec spec, Action<object?[], int, string> row, CancellationToken ct)
    {
        var listed = _manifest.Files.First(f => f.Name == spec.Name);
        await using var hashing = new HashingStream(source.Open(spec.Name));
        using var reader = new CsvRecordReader(hashing);
        var fields = new List<string>();
        long rows = 0;
        var values = new object?[spec.Columns.Count];
        try
        {
            if (!reader.Read(fields))
            {
                _report.Error(spec.Name, null, "", "", "CSV_SYNTAX", "Ligne CSV mal formée (fichier vide, en-tête absent).", "Malformed CSV line (empty file, no header).");
                return;
            }
            var header = ReadHeader(spec, fields);
            if (header is null) { hashing.Drain(); return; }
            var width = fields.Count;
            while (reader.Read(fields))
            {
                rows++;
                var line = reader.RecordLine;
                if (fields.Count != width)
                {
                    _report.Error(spec.Name, line, "", "", "CSV_SYNTAX", "Ligne CSV mal formée (guillemets ou nombre de champs).", "Malformed CSV line (quotes or number of fields).");
                    continue;
                }
                Array.Clear(values);
                var ok = true;
                var recordId = header.FieldOf[1] >= 0 && fields[header.FieldOf[1]].Trim() is { Length: <= 64 } id ? id : "";
                for (var c = 0; c < spec.Columns.Count; c++)
                {
                    var f = header.FieldOf[c];
                    if (f < 0) continue;
                    var column = spec.Columns[c];
                    var raw = fields[f].Trim();
                    if (raw.Length == 0)
                    {
                        if (column.Required)
                        {
                            _report.Error(spec.Name, line, column.Name, recordId, "VALUE_REQUIRED", "Valeur obligatoire manquante.", "A required value is missing.");
                            ok = false;
                        }
                        continue;
                    }
                    var value = ExchangeValues.Parse(column, raw, out var error);
                    if (error is { } e)
                    {
                        _report.Error(spec.Name, line, column.Name, recordId, e.Code, e.MessageFr, e.MessageEn);
                        ok = false;
                        continue;
                    }
                    values[c] = value;
                }
                if (ok) row(values, line, recordId);
                if (rows % 100_000 == 0) ct.ThrowIfCancellationRequested();
            }
        }
        catch (CsvSyntaxException e)
        {
            if (e.Code == "ENCODING_INVALID")
                _report.Error(spec.Name, e.Line, "", "", "ENCODING_INVALID", "Le fichier n'est pas encodé en UTF-8.", "The file is not UTF-8 encoded.");
            else
                _report.Error(spec.Name, e.Line, "", "", "CSV_SYNTAX", e.Message, "Malformed CSV line (quotes or number of fields).");
            try { hashing.Drain(); } catch (IOException) { }
            return;
        }
        catch (InvalidDataException)
        {
            _report.Error(spec.Name, null, "", "", "CONTAINER_INVALID", $"L'archive est illisible ou contient une entrée non autorisée : {spec.Name}.", $"The archive cannot be read or holds a forbidden entry: {spec.Name}.");
            return;
        }
        hashing.Drain();
        if (hashing.Sha256() != listed.Sha256)
            _report.Error(spec.Name, null, "", "", "CHECKSUM_MISMATCH", $"L'empreinte SHA-256 de {spec.Name} ne correspond pas au manifeste.", $"The SHA-256 digest of {spec.Name} does not match the manifest.");
        if (rows != listed.Rows)
            _report.Error(spec.Name, null, "", "", "ROW_COUNT_MISMATCH", $"{spec.Name} contient {rows} lignes de données ; le manifeste en annonce {listed.Rows}.", $"{spec.Name} holds {rows} data rows; the manifest says {listed.Rows}.");
    }

    private void RekeyRow(object?[] values, int line, string recordId)
    {
        const string file = "pseudonym_rekey.csv";
        var entity = ((string)values[0]!).Trim();
        var old = ((string)values[1]!).Trim();
        var renamed = ((string)values[2]!).Trim();
        if (!ExchangeSchema.PseudonymFiles.TryGetValue(entity, out var target))
        {
            _report.Error(file, line, "entity", old, "VALUE_INCONSISTENT", "Valeurs incohérentes : entity doit être participant, pathway, step, referent ou clause_hours.",
                "Inconsistent values: entity must be participant, pathway, step, referent or clause_hours.");
            return;
        }
        var ok = true;
        foreach (var (column, value) in new[] { ("old_pseudonym", old), ("new_pseudonym", renamed) })
        {
            if (ExchangeValues.IsPseudonym(value)) continue;
            _report.Error(file, line, column, "", "PSEUDONYM_FORMAT", "Pseudonyme attendu : 64 caractères hexadécimaux minuscules.", "Pseudonym expected: 64 lower-case hexadecimal characters.");
            ok = false;
        }
        if (!ok) return;
        if (!_rekeySeen.Add((entity, old)))
        {
            _report.Error(file, line, "old_pseudonym", old, "ID_DUPLICATE", $"L'identifiant {old} est en double.", $"Identifier {old} is duplicated.");
            return;
        }
        if (!_rekeys.TryGetValue(target, out var map)) _rekeys[target] = map = [];
        map[Hash(old)] = Hash(renamed);
    }

    private void DeletionRow(object?[] values, int line, string recordId)
    {
        const string file = "deletions.csv";
        var target = ((string)values[0]!).Trim();
        var id = (string)values[1]!;
        var month = values[2] as DateOnly?;
        var spec = ExchangeSchema.Find(target);
        if (spec is null)
        {
            _report.Error(file, line, "file", recordId, "VALUE_INCONSISTENT", "Valeurs incohérentes : file doit nommer un fichier de données du format.",
                "Inconsistent values: file must name a data file of the format.");
            return;
        }
        if (spec.CompositeKey && month is null)
        {
            _report.Error(file, line, "month", recordId, "VALUE_REQUIRED", "Valeur obligatoire manquante.", "A required value is missing.");
            return;
        }
        if (!spec.CompositeKey && month is not null)
        {
            _report.Error(file, line, "month", recordId, "VALUE_INCONSISTENT", "Valeurs incohérentes : month n'est admis que pour monthly_reports.csv.",
                "Inconsistent values: month is allowed only for monthly_reports.csv.");
            return;
        }
        var key = spec.CompositeKey ? $"{id}|{month!.Value:yyyy-MM}" : id;
        var hash = Hash(key);
        if (!_deletedKeys.TryGetValue(target, out var set)) _deletedKeys[target] = set = [];
        if (!set.Add(hash))
        {
            _report.Error(file, line, "id", key, "ID_DUPLICATE", $"L'identifiant {key} est en double.", $"Identifier {key} is duplicated.");
            return;
        }
        var index = _indexes[target];
        var slot = index.Find(key);
        if (slot < 0 || !index.Stored[slot])
        {
            _report.Warning(file, line, "id", key, "DELETE_UNKNOWN", $"L'enregistrement à supprimer {key} est inconnu (déjà supprimé ?).", $"Record {key} to delete is unknown (already deleted?).");
            return;
        }
        _deletions.Add((target, line, key, index.Ids[slot]));
    }

    /// <summary>§7.4: no stored record may still reference a deleted one, unless it is deleted too (DELETE_CONFLICT).</summary>
    private async Task CheckDeletionsAsync(CancellationToken ct)
    {
        if (_deletions.Count == 0) return;
        var deletedIds = _deletions.GroupBy(d => d.File).ToDictionary(g => g.Key, g => g.Select(d => d.EntityId).ToHashSet());
        var conflicts = new HashSet<(string File, long Id)>();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        foreach (var (targetFile, ids) in deletedIds)
        {
            foreach (var spec in ExchangeSchema.Files)
            {
                var entity = db.Model.FindEntityType(spec.EntityType)!;
                foreach (var column in spec.Columns.Where(c => c.References == targetFile))
                {
                    var property = entity.FindProperty(column.Property ?? DatasetExporter.Pascal(column.Name));
                    if (property is null) continue;
                    foreach (var chunk in ids.Chunk(500))
                    {
                        var sql = $"SELECT DISTINCT {property.GetColumnName()} FROM {entity.GetTableName()} WHERE {property.GetColumnName()} IN ({string.Join(",", chunk)})";
                        if (deletedIds.TryGetValue(spec.Name, out var alsoDeleted) && alsoDeleted.Count > 0)
                            sql += $" AND id NOT IN ({string.Join(",", alsoDeleted)})";
                        await using var command = connection.CreateCommand();
                        command.CommandText = sql;
                        await using var reader = await command.ExecuteReaderAsync(ct);
                        while (await reader.ReadAsync(ct)) conflicts.Add((targetFile, Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)));
                    }
                }
            }
        }
        foreach (var d in _deletions.Where(d => conflicts.Contains((d.File, d.EntityId))))
            _report.Error("deletions.csv", d.Line, "id", d.Key, "DELETE_CONFLICT", $"L'enregistrement {d.Key} est supprimé alors qu'il est fourni ou encore référencé.",
                $"Record {d.Key} is deleted while it is supplied or still referenced.");
    }

    /// <summary>Deletes the records of deletions.csv, children first, and logs each one with the dataset, file and line (§7.7).</summary>
    private async Task<int> ApplyDeletionsAsync(CancellationToken ct)
    {
        if (_deletions.Count == 0) return 0;
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var spec in ExchangeSchema.Files.Reverse())
        {
            var rows = _deletions.Where(d => d.File == spec.Name).ToList();
            if (rows.Count == 0) continue;
            var table = db.Model.FindEntityType(spec.EntityType)!.GetTableName();
            foreach (var chunk in rows.Select(r => r.EntityId).Chunk(500))
            {
                // Table names come from the EF model and the ids are numbers read from the database: no user text in the SQL.
                var list = string.Join(",", chunk);
                var identities = "DELETE FROM " + db.Model.FindEntityType(typeof(ParticipantIdentity))!.GetTableName() + " WHERE id IN (" + list + ")";
                var records = "DELETE FROM " + table + " WHERE id IN (" + list + ")";
                var keys = "DELETE FROM exchange_record_key WHERE file = {0} AND entity_id IN (" + list + ")";
                if (spec == ExchangeSchema.Participants) await db.Database.ExecuteSqlRawAsync(identities, ct);
                await db.Database.ExecuteSqlRawAsync(records, ct);
                if (spec != ExchangeSchema.Organisations) await db.Database.ExecuteSqlRawAsync(keys, [spec.Name], ct);
            }
            foreach (var d in rows)
                db.AuditEntries.Add(new AuditEntry
                {
                    AtUtc = now, UserId = db.Scope.UserId, Actor = db.Scope.Actor, EntityType = spec.EntityType.Name, EntityId = d.EntityId, Action = "Deleted",
                    Changes = JsonSerializer.Serialize(new { dataset_id = _manifest.DatasetId, producer = _producer, file = d.File, line = d.Line, id = d.Key }),
                });
        }
        return _deletions.Count;
    }

    /// <summary>§9.4 key change: stored pseudonyms of the producer take their new value before the feed's rows are written.</summary>
    private async Task ApplyRekeyAsync(DatasetSource source, CancellationToken ct)
    {
        using var reader = new CsvRecordReader(source.Open(ExchangeSchema.PseudonymRekey.Name));
        var fields = new List<string>();
        reader.Read(fields);
        var header = fields.ToList();
        int At(string name) => header.IndexOf(name);
        var (e, o, n) = (At("entity"), At("old_pseudonym"), At("new_pseudonym"));
        while (reader.Read(fields))
        {
            var spec = ExchangeSchema.Find(ExchangeSchema.PseudonymFiles[fields[e].Trim()])!;
            var (old, renamed) = (fields[o].Trim(), fields[n].Trim());
            var table = db.Model.FindEntityType(spec.EntityType)!.GetTableName();
            // The producer's record under the old pseudonym: by its key row, or in one of its key ranges (see ExchangeKeyRange).
            var rename = "UPDATE " + table + " SET external_id = {0} WHERE id IN (SELECT entity_id FROM exchange_record_key WHERE producer_code = {1} AND file = {2} AND local_id = {3})"
                + " OR (external_id = {3} AND EXISTS (SELECT 1 FROM exchange_key_range r WHERE r.producer_code = {1} AND r.file = {2} AND " + table + ".id BETWEEN r.first_id AND r.last_id))";
            await db.Database.ExecuteSqlRawAsync(rename, [renamed, _producer, spec.Name, old], ct);
            await db.Database.ExecuteSqlRawAsync("UPDATE exchange_record_key SET local_id = {0} WHERE producer_code = {1} AND file = {2} AND local_id = {3}",
                [renamed, _producer, spec.Name, old], ct);
        }
    }

    // ---------------------------------------------------------------- REFERENCE_KIND

    private Action<int> KindCheck(FileSpec spec, ColumnSpec column, int line, string recordId)
    {
        OrganisationKind[]? allowed = (spec.Name, column.Name) switch
        {
            ("organisations.csv", "intermediate_body_id") => [OrganisationKind.OI, OrganisationKind.OI_PIVOT, OrganisationKind.DEPARTEMENT],
            ("actions.csv", "funder_organisation_id") => [OrganisationKind.DEPARTEMENT],
            _ => null,
        };
        if (allowed is null) return NoCheck;
        return slot =>
        {
            var kind = _indexes[ExchangeSchema.Organisations.Name].Kind[slot];
            if (kind < 0 || allowed.Contains((OrganisationKind)kind)) return;
            var expected = string.Join(", ", allowed);
            _report.Error(spec.Name, line, column.Name, recordId, "REFERENCE_KIND", $"L'enregistrement référencé n'est pas du type attendu ({expected}).",
                $"The referenced record is not of the expected kind ({expected}).");
        };
    }

    // ---------------------------------------------------------------- per-file rules

    [GeneratedRegex("^W[0-9]{9}$")] private static partial Regex RnaRegex();
    [GeneratedRegex("^[A-Z0-9_-]+$")] private static partial Regex NationalCodeRegex();

    private void TypeError(FileSpec spec, int line, string column, string recordId, string fr, string en) =>
        _report.Error(spec.Name, line, column, recordId, "VALUE_TYPE", $"Valeur invalide : {fr} attendu.", $"Invalid value: {en} expected.");

    private void RangeError(FileSpec spec, int line, string column, string recordId, string fr, string en) =>
        _report.Error(spec.Name, line, column, recordId, "VALUE_RANGE", $"Valeur hors des bornes autorisées ({fr}).", $"Value outside the allowed range ({en}).");

    private void OrganisationRules(FileSpec spec, object?[] values, int line, string recordId, int slot)
    {
        if (Value(spec, values, "rna") is string rna && !RnaRegex().IsMatch(rna))
            TypeError(spec, line, "rna", recordId, "numéro RNA (W et 9 chiffres)", "RNA number (W and 9 digits)");
        if (Value(spec, values, "national_code") is string code && !NationalCodeRegex().IsMatch(code))
            TypeError(spec, line, "national_code", recordId, "code en majuscules, chiffres, _ ou -", "code of capitals, digits, _ or -");
        if (Value(spec, values, "parent_organisation_id") is string parent && parent != (string)values[0]!)
            _organisationParents[slot] = (Hash(parent), line, recordId);
    }

    private void OperationRules(FileSpec spec, object?[] values, int line, string recordId, int slot, Action<string, string, string> inconsistent)
    {
        if (Value(spec, values, "programming_version") is int version && version < 1)
            RangeError(spec, line, "programming_version", recordId, "≥ 1", "≥ 1");
        if (Value(spec, values, "fse_operation_number") is string number && !number.All(char.IsAsciiDigit))
            TypeError(spec, line, "fse_operation_number", recordId, "numéro composé de chiffres", "number made of digits");
        var objective = Value(spec, values, "objective_value") as decimal?;
        if (objective < 0) RangeError(spec, line, "objective_value", recordId, "≥ 0", "≥ 0");
        if ((objective is null) != (Value(spec, values, "objective_unit") is null))
            inconsistent("objective_unit", "l'unité de l'objectif est requise si et seulement si l'objectif est renseigné",
                "objective_unit is required if and only if objective_value is given");
        _operationChecks[slot] = (line, recordId, (decimal)Value(spec, values, "total_cost")!, Enum.Parse<ProgrammingLineStatus>((string)Value(spec, values, "status")!));
    }

    private void FinancingRules(FileSpec spec, object?[] values, Action<string, string, string> inconsistent)
    {
        var kind = Enum.Parse<FunderKind>((string)Value(spec, values, "funder_kind")!);
        var nature = Enum.Parse<FinancingNature>((string)Value(spec, values, "nature")!);
        if (!ProgrammingRules.NatureAllowed(kind, nature))
            inconsistent("nature", "un financement FSE est toujours direct", "an ESF financing is always direct");
        var operation = _indexes[ExchangeSchema.Operations.Name].Find((string)values[1]!);
        if (operation < 0 || Value(spec, values, "mobilised") is not true) return;
        var amount = (decimal)Value(spec, values, "amount")!;
        _mobilisedFinancings[operation] = _mobilisedFinancings.GetValueOrDefault(operation) + amount;
        if (kind == FunderKind.FSE) _fseFinancings[operation] = _fseFinancings.GetValueOrDefault(operation) + amount;
    }

    private void ActionRowRules(FileSpec spec, object?[] values, int line, string recordId, int slot, FileIndex index, Action<string, string, string> inconsistent)
    {
        var funded = (int)Value(spec, values, "funded_places")!;
        if (funded < 0) RangeError(spec, line, "funded_places", recordId, "≥ 0", "≥ 0");
        var places = Value(spec, values, "reference_places") as int?;
        var lumpSum = Value(spec, values, "reference_lump_sum") as decimal?;
        if (Enum.Parse<ActionFundingMode>((string)Value(spec, values, "funding_mode")!) == ActionFundingMode.FORFAIT_PAR_PLACE_PRORATA)
        {
            if (places is null) _report.Error(spec.Name, line, "reference_places", recordId, "VALUE_REQUIRED", "Valeur obligatoire manquante.", "A required value is missing.");
            else if (places <= 0) RangeError(spec, line, "reference_places", recordId, "> 0", "> 0");
            if (lumpSum is null) _report.Error(spec.Name, line, "reference_lump_sum", recordId, "VALUE_REQUIRED", "Valeur obligatoire manquante.", "A required value is missing.");
            if (places > 0 && lumpSum is { } sum && funded >= 0)
            {
                var computed = Domain.Offer.ActionRules.ProratedAmount(sum, funded, places.Value);
                if (computed != (decimal)Value(spec, values, "annual_amount")!)
                    _report.Warning(spec.Name, line, "annual_amount", recordId, "AMOUNT_MISMATCH", $"Montant annuel différent du forfait calculé ({computed.ToString("0.00", CultureInfo.InvariantCulture)}).",
                        $"Annual amount differs from the computed lump sum ({computed.ToString("0.00", CultureInfo.InvariantCulture)}).");
            }
        }
        else if (places is not null || lumpSum is not null)
            inconsistent(places is not null ? "reference_places" : "reference_lump_sum", "places et forfait de référence seulement pour un forfait par place au prorata",
                "reference places and lump sum only for a per-place prorated lump sum");
        if (Value(spec, values, "qpv_places_forecast") is int qpv && (qpv < 0 || qpv > funded))
            RangeError(spec, line, "qpv_places_forecast", recordId, "0 à funded_places", "0 to funded_places");
        index.Date1[slot] = (DateOnly)Value(spec, values, "period_start")!;
        index.Date2[slot] = (DateOnly)Value(spec, values, "period_end")!;
    }

    private void MonthlyReportRules(FileSpec spec, object?[] values, int line, string recordId, Action<string, string, string> inconsistent)
    {
        var month = (DateOnly)Value(spec, values, "month")!;
        var last = month.AddMonths(1).AddDays(-1);
        if (month > _producedOn)
            _report.Error(spec.Name, line, "month", recordId, "DATE_FUTURE", $"La date {month:yyyy-MM} est postérieure à la production du jeu ({_producedOn:yyyy-MM-dd}).",
                $"Date {month:yyyy-MM} is after the dataset was produced ({_producedOn:yyyy-MM-dd}).");
        var actions = _indexes[ExchangeSchema.Actions.Name];
        var action = actions.Find((string)values[0]!);
        if (action >= 0 && actions.InDataset[action] && (last < actions.Date1[action] || month > actions.Date2[action]))
            inconsistent("month", "le mois est en dehors de la période de l'action", "the month is outside the action's period");
        var counts = new int[6];
        var names = new[] { "accompanied_last_day", "entries", "exits_emploi_durable", "exits_emploi_transition", "exits_positive", "exits_autre" };
        var ok = true;
        for (var i = 0; i < names.Length; i++)
        {
            counts[i] = (int)Value(spec, values, names[i])!;
            if (counts[i] >= 0) continue;
            RangeError(spec, line, names[i], recordId, "≥ 0", "≥ 0");
            ok = false;
        }
        if (Value(spec, values, "submitted_on") is DateOnly submitted && submitted < last)
            _report.Error(spec.Name, line, "submitted_on", recordId, "DATE_ORDER", $"submitted_on ({submitted:yyyy-MM-dd}) est antérieure à la fin du mois ({last:yyyy-MM-dd}).",
                $"submitted_on ({submitted:yyyy-MM-dd}) is earlier than the end of the month ({last:yyyy-MM-dd}).");
        if (ok && action >= 0)
            _reports.Add((action, month, new Domain.Offer.ActionRules.MonthFigures(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]), line, recordId));
    }

    private void ClauseMarketRules(FileSpec spec, object?[] values, int line, string recordId, int slot, FileIndex index)
    {
        var hours = Value(spec, values, "hours_required") as decimal?;
        if (hours < 0) RangeError(spec, line, "hours_required", recordId, "≥ 0", "≥ 0");
        if (hours is null && Value(spec, values, "legal_basis") is "CONDITION_EXECUTION")
            _report.Warning(spec.Name, line, "hours_required", recordId, "CLAUSE_HOURS_MISSING", "Heures d'insertion requises non renseignées pour une clause d'exécution.",
                "Required insertion hours missing on an execution-condition clause.");
        index.Date1[slot] = Value(spec, values, "start_date") as DateOnly?;
        index.Date2[slot] = Value(spec, values, "end_date") as DateOnly?;
    }

    private void ClauseHoursRules(FileSpec spec, object?[] values, int line, string recordId, Action<string, string, string> inconsistent)
    {
        var participant = Value(spec, values, "participant_id") as string;
        var pathway = Value(spec, values, "pathway_id") as string;
        if (participant is null && pathway is null)
            _report.Error(spec.Name, line, "participant_id", recordId, "VALUE_REQUIRED", "Valeur obligatoire manquante.", "A required value is missing.");
        if (participant is not null && pathway is not null)
        {
            var pathways = _indexes[ExchangeSchema.Pathways.Name];
            var pathwaySlot = pathways.Find(pathway);
            var participants = _indexes[ExchangeSchema.Participants.Name];
            var participantSlot = participants.Find(participant);
            var owner = pathwaySlot >= 0 && pathways.InDataset[pathwaySlot] && !_rowsInError.Contains((ExchangeSchema.Pathways.Name, pathwaySlot)) ? pathways.Link[pathwaySlot] : -1;
            // Two local ids may stand for one person (§7.2 matching): compare the persons when both are known.
            var samePerson = owner == participantSlot || (owner >= 0 && participantSlot >= 0 && participants.Stored[owner] && participants.Stored[participantSlot]
                && participants.Ids[owner] == participants.Ids[participantSlot]);
            if (owner >= 0 && !samePerson)
                inconsistent("pathway_id", "le parcours appartient à une autre personne que participant_id", "the pathway belongs to another person than participant_id");
        }
        var start = (DateOnly)Value(spec, values, "period_start")!;
        var end = (DateOnly)Value(spec, values, "period_end")!;
        var hours = (decimal)Value(spec, values, "hours")!;
        if (hours <= 0) RangeError(spec, line, "hours", recordId, "> 0", "> 0");
        else if (ClauseRules.HoursImplausible(hours, start, end))
            _report.Warning(spec.Name, line, "hours", recordId, "HOURS_IMPLAUSIBLE", "Plus de 48 heures par semaine sur la période.", "More than 48 hours a week over the period.");
        var markets = _indexes[ExchangeSchema.ClauseMarkets.Name];
        var market = markets.Find((string)values[1]!);
        if (market >= 0 && markets.InDataset[market] && end >= start && ClauseRules.OutsideParent(start, end, markets.Date1[market], markets.Date2[market]))
            _report.Warning(spec.Name, line, "period_start", recordId, "PERIOD_OUTSIDE_PARENT", "Période en dehors des dates de l'action ou du marché.", "Period outside the dates of the action or market.");
    }

    private void CommitmentContractRules(FileSpec spec, object?[] values, int line, string recordId)
    {
        var kind = Enum.Parse<CommitmentContractKind>((string)Value(spec, values, "kind")!);
        var signed = (DateOnly)Value(spec, values, "signed_on")!;
        if (kind == CommitmentContractKind.CONTRAT_ENGAGEMENT && Value(spec, values, "weekly_activity_hours") is decimal hours && hours < 15
            && Value(spec, values, "reduced_hours") is not true)
            _report.Warning(spec.Name, line, "weekly_activity_hours", recordId, "HOURS_BELOW_MINIMUM", "Contrat d'engagement de moins de 15 heures hebdomadaires sans réduction déclarée.",
                "Contrat d'engagement below 15 hours a week with no declared reduction.");
        if (kind is not (CommitmentContractKind.CER or CommitmentContractKind.PPAE)) return;
        if (signed > new DateOnly(2024, 12, 31))
            _report.Warning(spec.Name, line, "kind", recordId, "CONTRACT_KIND_SUPERSEDED", "CER ou PPAE signé après l'entrée en vigueur du contrat d'engagement.",
                "CER or PPAE signed after the contrat d'engagement came into force.");
        var pathways = _indexes[ExchangeSchema.Pathways.Name];
        var pathway = pathways.Find((string)values[1]!);
        if (pathway < 0 || !pathways.InDataset[pathway] || pathways.Link[pathway] < 0) return;
        var participant = pathways.Link[pathway];
        var start = (DateOnly)Value(spec, values, "start_date")!;
        var end = Value(spec, values, "end_date") as DateOnly?;
        bool Overlaps((CommitmentContractKind Kind, DateOnly Start, DateOnly? End) c) =>
            c.Kind != kind && c.Start <= (end ?? DateOnly.MaxValue) && start <= (c.End ?? DateOnly.MaxValue);
        if (participant >= _firstEngagement.Length)
            Array.Resize(ref _firstEngagement, Math.Max(participant + 1, _indexes[ExchangeSchema.Participants.Name].Ids.Count));
        var first = _firstEngagement[participant];
        if (first.Start == default)
        {
            _firstEngagement[participant] = (kind, start, end);
            return;
        }
        if (!_moreEngagements.TryGetValue(participant, out var more)) _moreEngagements[participant] = more = [];
        if (Overlaps(first) || more.Any(Overlaps))
            _report.Warning(spec.Name, line, "start_date", recordId, "CONTRACTS_OVERLAP", "CER et PPAE en vigueur en même temps.", "CER and PPAE in force at the same time.");
        more.Add((kind, start, end));
    }

    /// <summary>P3 (overlap), P7 (exit reason and exit step, first half), P8 (results after exit) and the slots that later rules read.</summary>
    private void PathwayMoreRules(FileSpec spec, object?[] values, int line, string recordId, int slot, FileIndex index, Action<string, string, string> inconsistent)
    {
        var participantSlot = _indexes[ExchangeSchema.Participants.Name].Find((string)values[1]!);
        index.Link[slot] = participantSlot;
        var scheme = (string)Value(spec, values, "scheme")!;
        var rsa = Value(spec, values, "public_category") is "RSA" || Value(spec, values, "rsa_rights_and_duties") is true;
        index.Kind[slot] = rsa ? RsaEligible : 0;
        var entry = Value(spec, values, "entry_date") as DateOnly?;
        var exit = Value(spec, values, "exit_date") as DateOnly?;
        if (entry is { } e && participantSlot >= 0)
        {
            var span = (Programme: _indexes[ExchangeSchema.Organisations.Name].Find((string)Value(spec, values, "programme_organisation_id")!), Scheme: Enum.Parse<Scheme>(scheme), Entry: e, Exit: exit);
            bool Overlaps((int Programme, Scheme Scheme, DateOnly Entry, DateOnly? Exit) x) =>
                x.Programme == span.Programme && x.Scheme == span.Scheme && x.Entry <= (span.Exit ?? DateOnly.MaxValue) && span.Entry <= (x.Exit ?? DateOnly.MaxValue);
            if (participantSlot >= _firstEntered.Length)
                Array.Resize(ref _firstEntered, Math.Max(participantSlot + 1, _indexes[ExchangeSchema.Participants.Name].Ids.Count));
            var first = _firstEntered[participantSlot];
            if (first.Entry == default) _firstEntered[participantSlot] = span;
            else
            {
                if (!_moreEntered.TryGetValue(participantSlot, out var more)) _moreEntered[participantSlot] = more = [];
                if (Overlaps(first) || more.Any(Overlaps))
                    inconsistent("entry_date", "deux parcours entrés de la même personne, du même programme et du même dispositif se chevauchent",
                        "two entered pathways of the same person, programme and scheme overlap");
                more.Add(span);
            }
        }
        if (Value(spec, values, "exit_reason") is string reasonText)
        {
            var reason = Enum.Parse<ExitReason>(reasonText);
            if (Value(spec, values, "exit_step_id") is string exitStep)
            {
                _exitChecks[slot] = (reason, scheme == "PLIE", exit, line, recordId);
                _exitStepOwner[Hash(exitStep)] = slot;
            }
            else if (ExitReasons.Category(reason) == ExitCategory.POSITIVE && reason != ExitReason.AUTRE_POSITIVE)
                _report.Warning(spec.Name, line, "exit_step_id", recordId, "POSITIVE_EXIT_WITHOUT_STEP", "Sortie positive sans étape justificative.", "Positive exit without a justifying step.");
        }
        if (Value(spec, values, "labour_market_status") is "INACTIF_HORS_FORMATION")
            inconsistent("labour_market_status", "INACTIF_HORS_FORMATION est dérivé et ne peut pas être transmis", "INACTIF_HORS_FORMATION is derived and cannot be sent");
        foreach (var column in new[] { "situation_4w", "in_education_training_4w", "qualification_gained_4w", "situation_6m", "improved_situation_6m" })
        {
            if (Value(spec, values, column) is null) continue;
            if (exit is null)
                inconsistent(column, "les résultats après la sortie exigent une date de sortie", "results after exit require an exit date");
            else if (column is "situation_6m" or "improved_situation_6m" && Domain.Common.CalendarMonths.Plus(exit.Value, 6) > _producedOn)
                _report.Error(spec.Name, line, column, recordId, "DATE_FUTURE", $"La date {Domain.Common.CalendarMonths.Plus(exit.Value, 6):yyyy-MM-dd} est postérieure à la production du jeu ({_producedOn:yyyy-MM-dd}).",
                    $"Date {Domain.Common.CalendarMonths.Plus(exit.Value, 6):yyyy-MM-dd} is after the dataset was produced ({_producedOn:yyyy-MM-dd}).");
        }
    }

    /// <summary>S4, S5, P7 (on the exit step), CODE_DEPRECATED, and the steps of the actions for REPORT_MISMATCH.</summary>
    private void StepCrossRules(FileSpec spec, object?[] values, int line, string recordId, int pathwaySlot, Action<string, string, string> inconsistent)
    {
        var type = (string)values[IndexOf(spec, "step_type")]!;
        var start = (DateOnly)values[IndexOf(spec, "start_date")]!;
        var end = Value(spec, values, "end_date") as DateOnly?;
        if (Deprecated.TryGetValue(("TYPE_ETAPE", type), out var until) && start >= until)
            _report.Warning(spec.Name, line, "step_type", recordId, "CODE_DEPRECATED", $"Le code {type} de la liste TYPE_ETAPE n'est plus en vigueur à cette date.",
                $"Code {type} of list TYPE_ETAPE is no longer valid at this date.");
        // clause_market_id is required on a clause step when the file carries the column (a C column may be left out, §3.2).
        if (type == "CLAUSE_SOCIALE" && Value(spec, values, "clause_market_id") is null && _currentHeader?.FieldOf[spec.IndexOf("clause_market_id")] >= 0)
            _report.Error(spec.Name, line, "clause_market_id", recordId, "VALUE_REQUIRED", "Valeur obligatoire manquante.", "A required value is missing.");
        if (Value(spec, values, "operation_id") is not null && Value(spec, values, "financed_by_programme") is false)
            _report.Warning(spec.Name, line, "financed_by_programme", recordId, "FUNDING_FLAG_MISMATCH", "Étape rattachée à une opération mais déclarée non financée par le programme.",
                "Step linked to an operation but declared not financed by the programme.");

        // S5: the action-exit columns only on an ended step of an action; outcome derived by D1 to D7.
        var action = Value(spec, values, "action_id") as string;
        var exitReason = Value(spec, values, "exit_reason") as string;
        var exitContract = Value(spec, values, "exit_contract_type") as string;
        var exitMonths = Value(spec, values, "exit_contract_months") as decimal?;
        var outcome = Value(spec, values, "outcome") as string;
        var pathways = _indexes[ExchangeSchema.Pathways.Name];
        var pathwayKnown = pathwaySlot >= 0 && pathways.InDataset[pathwaySlot] && !_rowsInError.Contains((ExchangeSchema.Pathways.Name, pathwaySlot));
        if ((exitReason ?? exitContract ?? outcome) is not null || exitMonths is not null)
        {
            if (action is null || end is null)
                inconsistent(exitReason is not null ? "exit_reason" : exitContract is not null ? "exit_contract_type" : exitMonths is not null ? "exit_contract_months" : "outcome",
                    "les colonnes de sortie d'action exigent une action et une date de fin", "action-exit columns require an action and an end date");
            else
            {
                if (exitContract is not null)
                {
                    var contract = Enum.Parse<ContractType>(exitContract);
                    if (exitMonths is null && contract is not (ContractType.CDI or ContractType.CREATION_ENTREPRISE))
                        _report.Error(spec.Name, line, "exit_contract_months", recordId, "VALUE_REQUIRED", "Valeur obligatoire manquante.", "A required value is missing.");
                    if (exitMonths is not null && contract is ContractType.CDI or ContractType.CREATION_ENTREPRISE)
                        inconsistent("exit_contract_months", "pas de durée pour un contrat à durée indéterminée", "no duration for an open-ended contract");
                }
                else if (exitMonths is not null)
                    inconsistent("exit_contract_months", "une durée sans type de contrat de sortie", "a duration without an exit contract type");
                if (exitMonths is { } m && (m <= 0 || m > 60))
                    RangeError(spec, line, "exit_contract_months", recordId, "0 < mois ≤ 60", "0 < months ≤ 60");
                // The contract is the step's exit contract, or the contract of the pathway's exit step (codelists.md
                // §6.4): the derived outcome is compared only when the first is given or the pathway has no exit step.
                var comparable = exitContract is not null || (pathwayKnown && !_exitStepOfPathway.ContainsKey(pathwaySlot));
                if (outcome is not null && comparable)
                {
                    var derived = ExitReasons.DepartementCategory(exitReason is null ? null : Enum.Parse<ExitReason>(exitReason),
                        exitContract is null ? null : Enum.Parse<ContractType>(exitContract), exitMonths, false);
                    if (derived.ToString() != outcome)
                        inconsistent("outcome", $"la catégorie de sortie dérivée est {derived}", $"the derived exit category is {derived}");
                }
            }
        }
        if (action is not null)
        {
            var actions = _indexes[ExchangeSchema.Actions.Name];
            var actionSlot = actions.Find(action);
            if (actionSlot >= 0 && actions.InDataset[actionSlot] && (start < actions.Date1[actionSlot] || start > actions.Date2[actionSlot]))
                _report.Warning(spec.Name, line, "start_date", recordId, "PERIOD_OUTSIDE_PARENT", "Période en dehors des dates de l'action ou du marché.", "Period outside the dates of the action or market.");
            if (pathwayKnown && (pathways.Kind[pathwaySlot] & RsaEligible) == 0)
                _report.Warning(spec.Name, line, "action_id", recordId, "PUBLIC_NOT_ELIGIBLE", "Personne non allocataire du RSA sur une action départementale.", "Person not on the RSA in a Département action.");
            if (actionSlot >= 0 && _manifest.Files.Any(f => f.Name == ExchangeSchema.MonthlyReports.Name))
            {
                DepartementExitCategory? category = outcome is not null ? Enum.Parse<DepartementExitCategory>(outcome)
                    : end is not null && exitReason is not null ? ExitReasons.DepartementCategory(Enum.Parse<ExitReason>(exitReason),
                        exitContract is null ? null : Enum.Parse<ContractType>(exitContract), exitMonths, false) : null;
                if (!_actionSteps.TryGetValue(actionSlot, out var list)) _actionSteps[actionSlot] = list = [];
                list.Add(new Domain.Offer.ActionRules.ActionStep(start, end, category));
            }
        }

        // P7: this step justifies an exit.
        if (_exitStepOwner.TryGetValue(Hash(recordId), out var owner) && _exitChecks.TryGetValue(owner, out var exit))
        {
            void Pathway(string column, string code, string fr, string en) => _report.Add(new ImportIssue(
                code == "VALUE_INCONSISTENT" ? IssueSeverity.Erreur : IssueSeverity.Avertissement, ExchangeSchema.Pathways.Name, exit.Line, column, exit.RecordId, code, fr, en));
            if (owner != pathwaySlot)
            {
                Pathway("exit_step_id", "VALUE_INCONSISTENT", "Valeurs incohérentes : l'étape de sortie appartient à un autre parcours.", "Inconsistent values: the exit step belongs to another pathway.");
                return;
            }
            var step = new Step
            {
                StepType = Enum.Parse<StepType>(type), StartDate = start,
                ContractType = Value(spec, values, "contract_type") is string c ? Enum.Parse<ContractType>(c) : null,
                ContractMonths = Value(spec, values, "contract_months") as decimal?, OpenEnded = Value(spec, values, "open_ended") as bool?,
            };
            if (ExitRules.CheckAgainstStep(exit.Reason, step) is { } message)
                Pathway("exit_reason", "VALUE_INCONSISTENT", $"Valeurs incohérentes : {message.TrimEnd('.')}.", $"Inconsistent values: exit reason {exit.Reason} does not agree with its exit step.");
            if (exit.Plie && exit.Reason is ExitReason.EMPLOI_DURABLE or ExitReason.EMPLOI_AIDE_6_MOIS or ExitReason.CREATION_ACTIVITE
                && exit.ExitDate is { } exitDate && exitDate < ExitRules.ValidationDate(start))
                Pathway("exit_date", "EXIT_BEFORE_SIX_MONTHS", "Sortie en emploi moins de 6 mois après le début de l'emploi.", "Exit to employment less than 6 months after the job started.");
        }
    }

    // ---------------------------------------------------------------- rules over whole files

    private void CrossFileRules(ImportOptions options)
    {
        // Organisation parents: no cycle.
        foreach (var (slot, first) in _organisationParents)
        {
            var organisations = _indexes[ExchangeSchema.Organisations.Name];
            var current = first.Parent;
            for (var depth = 0; depth < 64; depth++)
            {
                var parentSlot = organisations.Slots.TryGetValue(current, out var s) ? s : -1;
                if (parentSlot < 0 || !_organisationParents.TryGetValue(parentSlot, out var next)) break;
                if (parentSlot == slot)
                {
                    _report.Error(ExchangeSchema.Organisations.Name, first.Line, "parent_organisation_id", first.RecordId, "VALUE_INCONSISTENT",
                        "Valeurs incohérentes : les organisations parentes forment un cycle.", "Inconsistent values: the parent organisations form a cycle.");
                    break;
                }
                current = next.Parent;
            }
        }

        // FINANCING_UNBALANCED and FSE_THRESHOLD, when the dataset carries the financings.
        if (_manifest.Files.Any(f => f.Name == ExchangeSchema.Financings.Name))
        {
            foreach (var (slot, op) in _operationChecks)
            {
                var sum = _mobilisedFinancings.GetValueOrDefault(slot);
                if (ProgrammingRules.MustBalance(op.Status) && ProgrammingRules.IsUnbalanced(op.TotalCost, sum))
                {
                    var (s, c) = (sum.ToString("0.00", CultureInfo.InvariantCulture), op.TotalCost.ToString("0.00", CultureInfo.InvariantCulture));
                    _report.Warning(ExchangeSchema.Operations.Name, op.Line, "total_cost", op.RecordId, "FINANCING_UNBALANCED",
                        $"La somme des financements ({s}) diffère du coût total ({c}).", $"The financings add up to {s}, not to the total cost ({c}).");
                }
                if (ProgrammingRules.OutsideFseThresholds(op.TotalCost, _fseFinancings.GetValueOrDefault(slot), options.MinimumFseAmount, options.MaximumFseShare))
                    _report.Warning(ExchangeSchema.Operations.Name, op.Line, "total_cost", op.RecordId, "FSE_THRESHOLD", "Opération hors des seuils FSE de l'organisme intermédiaire.",
                        "Operation outside the intermediate body's FSE thresholds.");
            }
        }

        // Monthly reports: stock continuity, and the figures computed from the steps of the action.
        foreach (var group in _reports.GroupBy(r => r.Action))
        {
            var byMonth = group.GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.First());
            foreach (var report in group)
            {
                if (byMonth.TryGetValue(report.Month.AddMonths(-1), out var previous) && !Domain.Offer.ActionRules.StockContinues(previous.Figures.AccompaniedLastDay, report.Figures))
                    _report.Warning(ExchangeSchema.MonthlyReports.Name, report.Line, "accompanied_last_day", report.RecordId, "STOCK_DISCONTINUITY",
                        "Stock de fin de mois incohérent avec le mois précédent, les entrées et les sorties.", "Month-end stock inconsistent with the previous month, entries and exits.");
                if (!_actionSteps.TryGetValue(group.Key, out var steps)) continue;
                var computed = Domain.Offer.ActionRules.Compute(report.Month, steps);
                if (computed == report.Figures) continue;
                var detail = string.Join(", ", new (string Name, int Given, int Computed)[]
                {
                    ("accompanied_last_day", report.Figures.AccompaniedLastDay, computed.AccompaniedLastDay), ("entries", report.Figures.Entries, computed.Entries),
                    ("exits_emploi_durable", report.Figures.ExitsEmploiDurable, computed.ExitsEmploiDurable),
                    ("exits_emploi_transition", report.Figures.ExitsEmploiTransition, computed.ExitsEmploiTransition),
                    ("exits_positive", report.Figures.ExitsPositive, computed.ExitsPositive), ("exits_autre", report.Figures.ExitsAutre, computed.ExitsAutre),
                }.Where(x => x.Given != x.Computed).Select(x => $"{x.Name} {x.Given} ≠ {x.Computed}"));
                _report.Warning(ExchangeSchema.MonthlyReports.Name, report.Line, "", report.RecordId, "REPORT_MISMATCH",
                    $"Compte rendu mensuel différent des valeurs calculées à partir des étapes ({detail}).", $"Monthly report differs from the figures computed from the steps ({detail}).");
            }
        }
    }
}
