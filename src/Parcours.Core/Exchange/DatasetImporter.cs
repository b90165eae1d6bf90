using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Parcours.Core.Data;
using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Exchange;

public sealed record ImportOptions
{
    /// <summary>Match a new participant_id to a person known by the same NIR (§7.2 step 2).</summary>
    public bool MatchByNir { get; init; } = true;
    /// <summary>Match a new participant_id to a person known by name and date of birth (§7.2 step 3).</summary>
    public bool MatchByName { get; init; } = true;
    /// <summary>Rows written per batch.</summary>
    public int BatchSize { get; init; } = 20_000;
    /// <summary>Producer codes the caller may import for; null for any (CLI, administrator).</summary>
    public IReadOnlySet<string>? AllowedProducers { get; init; }
    /// <summary>
    /// An empty table receiving at least this many rows is loaded without its indexes and foreign keys, rebuilt at the
    /// end of the transaction (PostgreSQL; see <see cref="InitialLoad"/>).
    /// </summary>
    public long InitialLoadMinimumRows { get; init; } = InitialLoad.MinimumRows;
    /// <summary>FSE_THRESHOLD (§5.9): minimum ESF amount of a line, set by an intermediate body; null: not checked.</summary>
    public decimal? MinimumFseAmount { get; init; }
    /// <summary>FSE_THRESHOLD (§5.9): maximum ESF share of a line's total cost (0 to 1); null: not checked.</summary>
    public decimal? MaximumFseShare { get; init; }
}

public sealed record ImportResult(ImportReport Report, bool Imported, bool AlreadyImported, long Rows, int Created, int Updated, TimeSpan Elapsed)
{
    /// <summary>Seconds spent validating (pass 1) and writing (pass 2).</summary>
    public (double Validation, double Writing) Phases { get; init; }
    /// <summary>Tables loaded without their indexes and foreign keys, rebuilt at the end (<see cref="InitialLoad"/>).</summary>
    public IReadOnlyList<string> InitialLoadTables { get; init; } = [];

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;

    /// <summary>Records deleted by deletions.csv (§7.4).</summary>
    public int Deleted { get; init; }
}

/// <summary>
/// Imports a dataset of exchange format v1 (§6, §7), all or nothing. Pass 1 reads every file as a stream and checks
/// it (syntax, header, types, codes, check digits, duplicates, references, dates, statuses) while keeping only the keys
/// and the few dates that cross-file rules need. When no error was found, pass 2 reads the files again, maps rows to
/// entities and writes them in one transaction: new records with <see cref="BulkWriter"/> in batches (binary COPY on
/// PostgreSQL), known records through EF Core so that the audit log lists the columns that changed. On PostgreSQL the
/// files that nothing references are checked after the others are written, while their tables are indexed; an error
/// found then rolls the transaction back (ADR 5).
/// </summary>
public sealed partial class DatasetImporter(ParcoursDbContext db, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ImportReport _report = new();
    private readonly Dictionary<string, FileIndex> _indexes = [];
    private Manifest _manifest = null!;
    private DateOnly _producedOn;
    private string _producer = "";
    private readonly List<(string File, int Line, string Column, string RecordId, string TargetFile, string Value, Action<int> OnResolved)> _deferred = [];
    private readonly Dictionary<string, (HeaderMap Header, long Rows)> _read = [];

    /// <summary>Keys and the little per-record data that cross-file rules need; never whole rows.</summary>
    /// <summary>
    /// The keys of one file. Sized from the manifest's row count up front: growing a table of millions of keys by
    /// doubling holds the old and the new arrays at once, which was most of the import's peak memory.
    /// </summary>
    private sealed class FileIndex(FileIndex.Facts facts, bool leaf, int expected)
    {
        /// <summary>The per-record facts that the rules of other files read; only those a file needs are kept, and each
        /// is dropped (<see cref="Forget"/>) once the last file that reads it is read.</summary>
        [Flags]
        public enum Facts
        {
            None = 0,
            Date1 = 1, // participants: birth date; pathways, actions, clause markets: start
            Date2 = 2, // pathways, actions, clause markets: end
            Link = 4,  // participants: owner organisation slot; pathways: participant slot
            Kind = 8,  // organisations: kind (enum value); pathways: RSA flag
        }

        /// <summary>Files that nothing references (barriers, contracts, appointments): new keys are only checked for
        /// duplicates, in a set of hashes dropped once the file is read, and get their ids in order at write time.</summary>
        public readonly bool Leaf = leaf;
        public readonly KeyMap Slots = new(leaf ? 0 : expected);
        private KeySet? _newKeys; // made when the file is read, dropped after: the sets of the leaf files never coexist
        private int _newKeyCount;
        public long NextNewId;
        /// <summary>Database id of each slot: known for stored records, derived from the slot for new ones once assigned.</summary>
        public readonly IdTable Ids = new(leaf ? 0 : expected);
        private readonly SlotFlags _flags = new(leaf ? 0 : expected);
        public SlotFlags.View Stored => _flags.StoredView;
        public SlotFlags.View InDataset => _flags.InDatasetView;
        /// <summary>The producer's key of a stored record is in the database (a key row, or derivable from a key range).</summary>
        public SlotFlags.View Keyed => _flags.KeyedView;
        private Facts _facts = facts;
        public DateList Date1 { get; private set; } = new((facts & Facts.Date1) != 0 ? expected : 0);
        public DateList Date2 { get; private set; } = new((facts & Facts.Date2) != 0 ? expected : 0);
        public List<int> Link { get; private set; } = new((facts & Facts.Link) != 0 ? expected : 0);
        public List<int> Kind { get; private set; } = new((facts & Facts.Kind) != 0 ? expected : 0);

        /// <summary>Drops facts that no file left to read needs (reading them afterwards throws).</summary>
        public void Forget(Facts dropped)
        {
            _facts &= ~dropped;
            if ((dropped & Facts.Date1) != 0) Date1 = new(0);
            if ((dropped & Facts.Date2) != 0) Date2 = new(0);
            if ((dropped & Facts.Link) != 0) Link = [];
            if ((dropped & Facts.Kind) != 0) Kind = [];
        }

        /// <summary>Fill limit of the key sets sized from the manifest that only catch duplicates (memory: 9 bytes a key against 11).</summary>
        public const double LeafLoad = 0.9;

        /// <summary>New keys of a leaf file; false for a duplicate.</summary>
        public bool AddNewKey(ulong hash)
        {
            _newKeys ??= new KeySet(expected, LeafLoad);
            if (!_newKeys.Add(hash)) return false;
            _newKeyCount++;
            return true;
        }

        /// <summary>New records of a leaf file.</summary>
        public int NewKeyCount => _newKeyCount;

        /// <summary>Once a leaf file is read, only the number of its new keys is needed (nothing references them).</summary>
        public void ReleaseNewKeys() => _newKeys = null;

        /// <summary>Adds a record: a stored one with its id, or a new one of the dataset (its id comes with the others).</summary>
        public int Add(ulong hash, long id, bool stored, bool keyed = false)
        {
            var slot = Ids.Count;
            Slots[hash] = slot;
            Ids.Add(stored ? id : null);
            _flags.Add((byte)((stored ? SlotFlags.Stored : 0) | (keyed ? SlotFlags.Keyed : 0)));
            if ((_facts & Facts.Date1) != 0) Date1.Add(null);
            if ((_facts & Facts.Date2) != 0) Date2.Add(null);
            if ((_facts & Facts.Link) != 0) Link.Add(-1);
            if ((_facts & Facts.Kind) != 0) Kind.Add(-1);
            return slot;
        }

        public int Find(string key) => Slots.TryGetValue(Hash(key), out var slot) ? slot : -1;
    }

    private sealed record HeaderMap(FileSpec Spec, ColumnSpec?[] ByField, int[] FieldOf);

    /// <summary>64-bit FNV-1a of the key, then a final mix: the key index stores hashes, not strings (memory).</summary>
    internal static ulong Hash(string key)
    {
        var h = 14695981039346656037UL;
        foreach (var c in key) { h ^= c; h *= 1099511628211UL; }
        h ^= h >> 33; h *= 0xff51afd7ed558ccdUL; h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53UL; h ^= h >> 33;
        return h;
    }

    public async Task<ImportResult> ImportAsync(DatasetSource source, ImportOptions? options = null, IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        options ??= new ImportOptions();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var validating = TimeSpan.Zero; // time spent checking the files (pass 1), the rest is writing
        ImportResult Result(bool imported, bool already, long rows = 0, int created = 0, int updated = 0) =>
            new(_report, imported, already, rows, created, updated, watch.Elapsed)
            {
                Phases = imported ? (validating.TotalSeconds, (watch.Elapsed - validating).TotalSeconds) : (watch.Elapsed.TotalSeconds, 0),
            };

        // Phase 1: container and manifest.
        foreach (var forbidden in source.ForbiddenEntries)
            _report.Error("", null, "", "", "CONTAINER_INVALID", $"L'archive est illisible ou contient une entrée non autorisée : {forbidden}.", $"The archive cannot be read or holds a forbidden entry: {forbidden}.");
        if (!ReadManifest(source, options)) return Result(false, false);

        var digest = FilesDigest(_manifest);
        var previous = await db.Set<ExchangeDataset>().AsNoTracking().FirstOrDefaultAsync(d => d.DatasetId == _manifest.DatasetId, ct);
        if (previous is not null)
        {
            // The manifest says «the same files»: only their bytes can confirm it. A file changed after the manifest was
            // written (a cell edited by hand) goes on to the full validation, which reports it (CHECKSUM_MISMATCH).
            if (previous.FilesDigest == digest && FilesMatchManifest(source))
            {
                _report.Add(new ImportIssue(IssueSeverity.Information, "manifest.json", null, "dataset_id", "", "DATASET_ALREADY_IMPORTED",
                    "Ce jeu a déjà été importé à l'identique : aucune modification.", "This dataset was already imported as is: nothing changed."));
                return Result(false, true);
            }
            _report.Error("manifest.json", null, "dataset_id", "", "DATASET_ID_REUSED", $"L'identifiant de jeu {_manifest.DatasetId} a déjà été importé avec un contenu différent.",
                $"Dataset id {_manifest.DatasetId} was already imported with different content.");
        }
        var producedAtUtc = DateTimeOffset.Parse(_manifest.ProducedAt, CultureInfo.InvariantCulture).UtcDateTime;
        var last = await db.Set<ExchangeDataset>().AsNoTracking().Where(d => d.ProducerCode == _producer)
            .OrderByDescending(d => d.ProducedAtUtc).Select(d => (DateTime?)d.ProducedAtUtc).FirstOrDefaultAsync(ct);
        if (last is { } lastAt && producedAtUtc < lastAt)
            _report.Error("manifest.json", null, "produced_at", "", "DATASET_STALE", $"Ce jeu a été produit avant le dernier jeu importé de ce producteur ({lastAt:yyyy-MM-dd}).",
                $"This dataset was produced before the last dataset imported from this producer ({lastAt:yyyy-MM-dd}).");

        // Phases 2 to 5, streaming, file by file in dependency order. A key change (pseudonym_rekey.csv) is read
        // first, so that stored pseudonyms are known under their new value; then the deletions, so that a deleted
        // record that is also supplied or still referenced is caught (DELETE_CONFLICT).
        bool Listed(FileSpec f) => _manifest.Files.Any(m => m.Name == f.Name) && source.Names.Contains(f.Name);
        if (Listed(ExchangeSchema.PseudonymRekey)) await ValidateSpecialFileAsync(source, ExchangeSchema.PseudonymRekey, RekeyRow, ct);
        await LoadStoredKeysAsync(ct);
        if (Listed(ExchangeSchema.Deletions)) await ValidateSpecialFileAsync(source, ExchangeSchema.Deletions, DeletionRow, ct);
        var files = ExchangeSchema.Files.Where(Listed).ToList();
        var step = 0;
        var total = files.Count * 2;
        // On PostgreSQL, the files that nothing references (barriers, contracts, appointments, monthly reports, clause
        // hours: the last ones of the order, two thirds of the rows of a large dataset) are checked after the others are
        // written, while the server rebuilds the indexes of those tables: the client's checks and the server's index
        // builds overlap instead of following each other. An error found then rolls the whole transaction back: the
        // dataset is still all or nothing. Deletions and key changes are checked against the database: with them, every
        // file is checked first, as on SQLite.
        var tail = db.Engine == DatabaseEngine.Postgres && !Listed(ExchangeSchema.Deletions) && !Listed(ExchangeSchema.PseudonymRekey)
            ? files.AsEnumerable().Reverse().TakeWhile(f => _indexes[f.Name].Leaf).Reverse().ToList() : [];
        var head = files.Take(files.Count - tail.Count).ToList();
        async Task ValidateFilesAsync(IEnumerable<FileSpec> specs)
        {
            var started = watch.Elapsed;
            foreach (var spec in specs)
            {
                progress?.Report((step++, total));
                await ValidateFileAsync(source, spec, options, ct);
                ResolveDeferred(spec.Name);
                ForgetFactsRead(spec.Name);
                CompactAfter(_read.TryGetValue(spec.Name, out var read) ? read.Rows : 0);
            }
            validating += watch.Elapsed - started;
        }
        var producerSlot = -1; // known once organisations.csv, the first file, is read
        async Task FinishValidationAsync()
        {
            var started = watch.Elapsed;
            ResolveDeferred();
            CrossFileRules(options);
            await CheckDeletionsAsync(ct);
            if (producerSlot < 0)
                _report.Error("manifest.json", null, "producer.organisation_id", "", "REFERENCE_DANGLING",
                    $"producer.organisation_id = {_manifest.Producer.OrganisationId} ne correspond à aucun enregistrement de organisations.csv.",
                    $"producer.organisation_id = {_manifest.Producer.OrganisationId} matches no record of organisations.csv.");
            validating += watch.Elapsed - started;
        }

        await ValidateFilesAsync(head);
        // The producer organisation is known from organisations.csv, read first: without it nothing can be written.
        producerSlot = _indexes[ExchangeSchema.Organisations.Name].Find(_manifest.Producer.OrganisationId);
        var early = tail.Count > 0 && !_report.HasErrors && producerSlot >= 0;
        if (!early)
        {
            await ValidateFilesAsync(tail);
            await FinishValidationAsync();
            if (_report.HasErrors) return Result(false, false);
            ForgetValidationFacts();
            CompactAfter(_read.Values.Sum(r => r.Rows));
        }

        // Pass 2: write everything in one transaction.
        var previousAudit = db.AuditEachRow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var writer = new BulkWriter(db);
        var created = 0;
        var updated = 0;
        IReadOnlyList<string> initialLoadTables = [];
        var deleted = 0;
        async Task WriteFilesAsync(IEnumerable<FileSpec> specs)
        {
            foreach (var spec in specs)
            {
                progress?.Report((step++, total));
                var (c, u) = await WriteFileAsync(source, spec, writer, producerSlot, options, ct);
                created += c;
                updated += u;
            }
        }
        try
        {
            await AssignIdsAsync(writer, early ? head : files, ct);
            if (Listed(ExchangeSchema.PseudonymRekey)) await ApplyRekeyAsync(source, ct);
            var load = await InitialLoad.BeginAsync(db, IncomingRows(files), options.InitialLoadMinimumRows, ct);
            initialLoadTables = load.Tables;
            if (early)
            {
                await WriteFilesAsync(head);
                // The tables of the files written so far get their keys and indexes back on the connection while the
                // other files are checked (which needs no database); the tables that the remaining files also write
                // (the key map) wait for the end.
                var tailTables = TablesOf(tail);
                var rebuild = load.CompleteAsync(db, TablesOf(head).Where(t => !tailTables.Contains(t)).ToList(), ct);
                try
                {
                    await ValidateFilesAsync(tail);
                }
                finally
                {
                    await rebuild;
                }
                await FinishValidationAsync();
                if (_report.HasErrors) return Result(false, false); // the transaction is disposed uncommitted: rolled back
                ForgetValidationFacts();
                CompactAfter(_read.Values.Sum(r => r.Rows));
                await AssignIdsAsync(writer, tail, ct);
                await WriteFilesAsync(tail);
            }
            else await WriteFilesAsync(files);
            await load.CompleteAsync(db, null, ct);
            await writer.ResetIdentitiesAsync(ct);
            db.AuditEachRow = false;
            deleted = await ApplyDeletionsAsync(ct);
            db.Set<ExchangeKeyRange>().AddRange(_newRanges);
            var rows = _read.Values.Sum(r => r.Rows);
            db.Set<ExchangeDataset>().Add(new ExchangeDataset
            {
                DatasetId = _manifest.DatasetId, ProducerCode = _producer, ProducedAtUtc = producedAtUtc,
                ImportedAtUtc = _clock.GetUtcNow().UtcDateTime, FilesDigest = digest, Rows = rows, Actor = db.Scope.Actor,
            });
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = _clock.GetUtcNow().UtcDateTime, UserId = db.Scope.UserId, Actor = db.Scope.Actor, EntityType = "Dataset", Action = "Imported",
                OrganisationId = _indexes[ExchangeSchema.Organisations.Name].Ids[producerSlot], // the producer's journal lists it
                Changes = JsonSerializer.Serialize(new { dataset_id = _manifest.DatasetId, producer = _producer, produced_at = _manifest.ProducedAt, rows, created, updated, deleted,
                    files = _manifest.Files.Select(f => new { f.Name, f.Rows }) }),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.AuditEachRow = previousAudit;
            db.ChangeTracker.Clear();
        }
        progress?.Report((total, total));
        return Result(true, false, _read.Values.Sum(r => r.Rows), created, updated) with { InitialLoadTables = initialLoadTables, Deleted = deleted };
    }

    /// <summary>
    /// After a large file (and before writing a large dataset), a blocking compacting collection in the aggressive mode:
    /// what the file's validation allocated and dropped (row strings, a leaf file's key set, grown dictionaries) would
    /// otherwise stay resident, on top of the key indexes, until the runtime next collected the old generation. The
    /// aggressive mode also gives the emptied memory back to the system at once; a forced collection kept it committed
    /// (about 100 MB more resident at a million participants), and the key set of the next large file (a single large
    /// array) could not reuse it. About half a second for each file of a million rows or more; nothing for smaller ones.
    /// </summary>
    private static void CompactAfter(long rows)
    {
        if (rows < 1_000_000) return;
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>Rows about to be written per table: each file's entity table, identities with participants, key rows of the files without key ranges.</summary>
    private Dictionary<string, long> IncomingRows(List<FileSpec> files)
    {
        string? Table(Type type) => db.Model.FindEntityType(type)?.GetTableName();
        var incoming = new Dictionary<string, long>();
        void Add(string? table, long rows)
        {
            if (table is not null) incoming[table] = incoming.GetValueOrDefault(table) + rows;
        }
        foreach (var spec in files)
        {
            // A file not checked yet (the last ones, checked while the first are written): its manifest's count, which the
            // check then confirms (ROW_COUNT_MISMATCH rolls the load back).
            var rows = _read.TryGetValue(spec.Name, out var read) ? read.Rows : _manifest.Files.First(f => f.Name == spec.Name).Rows;
            Add(Table(spec.EntityType), rows);
            if (spec == ExchangeSchema.Participants) Add(Table(typeof(ParticipantIdentity)), rows);
            if (spec != ExchangeSchema.Organisations && !KeyDerivable(spec)) Add(Table(typeof(ExchangeRecordKey)), rows);
        }
        return incoming;
    }

    /// <summary>True when every file listed by the manifest is present and has the SHA-256 the manifest gives it.</summary>
    private bool FilesMatchManifest(DatasetSource source)
    {
        foreach (var listed in _manifest.Files)
        {
            if (!source.Names.Contains(listed.Name)) return false;
            try
            {
                using var hashing = new HashingStream(source.Open(listed.Name));
                hashing.Drain();
                if (hashing.Sha256() != listed.Sha256) return false;
            }
            catch (InvalidDataException)
            {
                return false; // an unreadable entry of the archive: the validation reports it
            }
        }
        return true;
    }

    /// <summary>The tables that writing these files fills: their entities', the identities with participants, the key map.</summary>
    private HashSet<string> TablesOf(IEnumerable<FileSpec> files) => IncomingRows(files.ToList()).Keys.ToHashSet();

    private static string FilesDigest(Manifest manifest) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join("\n", manifest.Files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Name}:{f.Sha256}")))));

    // ---------------------------------------------------------------- manifest

    private bool ReadManifest(DatasetSource source, ImportOptions options)
    {
        const string file = "manifest.json";
        void Invalid(string path, string detail) => _report.Error(file, null, path, "", "MANIFEST_INVALID",
            $"Le manifeste est illisible ou incomplet : {detail}.", $"The manifest cannot be read or is incomplete: {detail}.");
        if (!source.Names.Contains(file))
        {
            _report.Error(file, null, "", "", "MANIFEST_MISSING", "Le fichier manifest.json est absent.", "The file manifest.json is missing.");
            return false;
        }
        try
        {
            using var stream = source.Open(file);
            _manifest = JsonSerializer.Deserialize<Manifest>(stream) ?? throw new JsonException("vide");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidDataException or DecoderFallbackException)
        {
            Invalid("", "JSON invalide");
            return false;
        }
        var m = _manifest;
        if (m.Format != "parcours-exchange") Invalid("format", "format différent de parcours-exchange");
        var version = m.FormatVersion?.Split('.') ?? [];
        if (version.Length != 2 || version[0] != "1" || !int.TryParse(version[1], out var minor) || minor > 0)
            _report.Error(file, null, "format_version", "", "FORMAT_VERSION_UNSUPPORTED", $"La version de format {m.FormatVersion} n'est pas prise en charge.", $"Format version {m.FormatVersion} is not supported.");
        if (!Guid.TryParse(m.DatasetId, out _)) Invalid("dataset_id", "dataset_id n'est pas un UUID");
        if (m.Producer is null || !System.Text.RegularExpressions.Regex.IsMatch(m.Producer.Code ?? "", "^[A-Z0-9][A-Z0-9-]{2,31}$"))
            Invalid("producer.code", "code producteur invalide");
        if (string.IsNullOrEmpty(m.Producer?.OrganisationId)) Invalid("producer.organisation_id", "organisation productrice absente");
        _producer = m.Producer?.Code ?? "";
        if (options.AllowedProducers is { } allowed && !allowed.Contains(_producer))
            _report.Error(file, null, "producer.code", "", "PRODUCER_NOT_ALLOWED", $"Vous n'êtes pas autorisé à importer des données pour le producteur {_producer}.",
                $"You are not allowed to import data for producer {_producer}.");
        if (!DateTimeOffset.TryParseExact(m.ProducedAt, ["yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var producedAt))
            Invalid("produced_at", "produced_at n'est pas un horodatage RFC 3339");
        else if (producedAt > _clock.GetUtcNow().AddDays(1))
            _report.Error(file, null, "produced_at", "", "DATE_FUTURE", $"La date {producedAt:yyyy-MM-dd} est postérieure à la production du jeu ({_clock.GetUtcNow():yyyy-MM-dd}).",
                $"Date {producedAt:yyyy-MM-dd} is after the dataset was produced ({_clock.GetUtcNow():yyyy-MM-dd}).");
        _producedOn = DateOnly.FromDateTime(producedAt.DateTime);
        if (!DateOnly.TryParseExact(m.Period?.Start, "yyyy-MM-dd", out var start) || !DateOnly.TryParseExact(m.Period?.End, "yyyy-MM-dd", out var end) || start > end)
            Invalid("period", "période invalide");
        if (m.Anonymised != (m.Pseudonymisation is not null)) Invalid("pseudonymisation", "pseudonymisation requise si et seulement si anonymised vaut true");
        if (m.Files is null || m.Files.Count == 0) { Invalid("files", "aucun fichier"); return false; }
        var seen = new HashSet<string>();
        for (var i = 0; i < m.Files.Count; i++)
        {
            var f = m.Files[i];
            if (!seen.Add(f.Name)) Invalid($"files[{i}].name", $"{f.Name} listé deux fois");
            if (f.Sha256 is null || !ExchangeValues.IsPseudonym(f.Sha256)) Invalid($"files[{i}].sha256", "empreinte SHA-256 invalide");
            var feedOnly = f.Name == ExchangeSchema.PseudonymRekey.Name;
            if (!ExchangeSchema.IsKnownFile(f.Name) || (feedOnly && !m.Anonymised))
                _report.Error(f.Name, null, "", "", "FILE_NAME_UNKNOWN", $"Le nom de fichier {f.Name} n'est pas prévu par le format.", $"The file name {f.Name} is not defined by the format.");
            else if (m.Anonymised && !ExchangeSchema.FeedFiles.Contains(f.Name) && !feedOnly)
                _report.Error(f.Name, null, "", "", "FILE_NAME_UNKNOWN", $"Le nom de fichier {f.Name} n'est pas prévu par le format.", $"The file name {f.Name} is not defined by the format.");
            else if (!source.Names.Contains(f.Name))
                _report.Error(f.Name, null, "", "", "FILE_MISSING", $"Le fichier {f.Name} est annoncé dans le manifeste mais absent.", $"The file {f.Name} is listed in the manifest but missing.");
        }
        foreach (var name in source.Names.Where(n => n != file && !seen.Contains(n)))
            _report.Error(name, null, "", "", "FILE_UNLISTED", $"Le fichier {name} est présent mais n'est pas dans le manifeste.", $"The file {name} is present but not listed in the manifest.");
        return !_report.HasErrors || _report.Issues.All(i => i.Code is not ("MANIFEST_INVALID" or "FORMAT_VERSION_UNSUPPORTED"));
    }

    // ---------------------------------------------------------------- stored keys

    private async Task LoadStoredKeysAsync(CancellationToken ct)
    {
        foreach (var spec in ExchangeSchema.Files)
            _indexes[spec.Name] = new FileIndex(
                facts: spec == ExchangeSchema.Organisations ? FileIndex.Facts.Kind
                    : spec == ExchangeSchema.Participants ? FileIndex.Facts.Date1 | FileIndex.Facts.Link
                    : spec == ExchangeSchema.Pathways ? FileIndex.Facts.Date1 | FileIndex.Facts.Date2 | FileIndex.Facts.Link | FileIndex.Facts.Kind
                    : spec == ExchangeSchema.Actions || spec == ExchangeSchema.ClauseMarkets ? FileIndex.Facts.Date1 | FileIndex.Facts.Date2
                    : FileIndex.Facts.None,
                leaf: spec == ExchangeSchema.Barriers || spec == ExchangeSchema.Contracts || spec == ExchangeSchema.Appointments
                    || spec == ExchangeSchema.Financings || spec == ExchangeSchema.MonthlyReports || spec == ExchangeSchema.ClauseHours,
                expected: (int)Math.Clamp(_manifest.Files.FirstOrDefault(f => f.Name == spec.Name)?.Rows ?? 0, 0, 20_000_000)); // a manifest that lies is refused later (ROW_COUNT); the cap bounds what it can reserve
        // Organisations are shared reference data: an organisation_id designates the organisation with that code.
        var orgIndex = _indexes[ExchangeSchema.Organisations.Name];
        await foreach (var o in db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Code, o.Kind }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var slot = orgIndex.Add(Hash(o.Code), o.Id, stored: true);
            orgIndex.Kind[slot] = (int)o.Kind;
        }
        foreach (var spec in ExchangeSchema.Files.Skip(1))
        {
            var index = _indexes[spec.Name];
            _rekeys.TryGetValue(spec.Name, out var rekey);
            await foreach (var k in db.Set<ExchangeRecordKey>().AsNoTracking().Where(k => k.ProducerCode == _producer && k.File == spec.Name)
                               .Select(k => new { k.LocalId, k.EntityId }).AsAsyncEnumerable().WithCancellation(ct))
            {
                var hash = Hash(k.LocalId);
                if (rekey is not null && rekey.TryGetValue(hash, out var renamed)) hash = renamed;
                index.Add(hash, k.EntityId, stored: true, keyed: true);
            }
            if (!KeyDerivable(spec)) continue;
            // Records created by earlier imports of this producer in key ranges: their external_id is their local id.
            var ranges = await db.Set<ExchangeKeyRange>().AsNoTracking().Where(r => r.ProducerCode == _producer && r.File == spec.Name)
                .OrderBy(r => r.FirstId).Select(r => new { r.FirstId, r.LastId }).ToListAsync(ct);
            if (ranges.Count == 0) continue;
            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
            var table = db.Model.FindEntityType(spec.EntityType)!.GetTableName();
            foreach (var range in ranges)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                // Table name from the EF model, bounds are numbers read from the database: no user text in the SQL.
                command.CommandText = $"SELECT id, external_id FROM {table} WHERE id BETWEEN {range.FirstId} AND {range.LastId} AND external_id IS NOT NULL";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var hash = Hash(reader.GetString(1));
                    if (rekey is not null && rekey.TryGetValue(hash, out var renamed)) hash = renamed;
                    if (!index.Slots.ContainsKey(hash)) index.Add(hash, reader.GetInt64(0), stored: true, keyed: true);
                }
            }
        }
        // Records of the producer organisation created in Parcours (not imported) have no key row: they are known by
        // their ExternalId, or by the id the exporter gives them (prefix + database id), so that a dataset exported by
        // this installation and imported back updates them instead of duplicating them.
        var producerOrg = await db.Organisations.AsNoTracking().Where(o => o.Code == _producer).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
        if (producerOrg is { } org)
        {
            void AddOwn(FileSpec spec, long id, string? externalId)
            {
                var hash = Hash(externalId ?? spec.LocalIdPrefix + id.ToString(CultureInfo.InvariantCulture));
                var index = _indexes[spec.Name];
                if (!index.Slots.ContainsKey(hash)) index.Add(hash, id, stored: true);
            }
            await foreach (var r in db.Referents.IgnoreQueryFilters().AsNoTracking().Where(r => r.OrganisationId == org).Select(r => new { r.Id, r.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.Referents, r.Id, r.ExternalId);
            await foreach (var r in db.Participants.IgnoreQueryFilters().AsNoTracking().Where(r => r.OrganisationId == org).Select(r => new { r.Id, r.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.Participants, r.Id, r.ExternalId);
            await foreach (var r in db.Pathways.IgnoreQueryFilters().AsNoTracking().Where(r => r.OrganisationId == org).Select(r => new { r.Id, r.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.Pathways, r.Id, r.ExternalId);
            var own = db.Pathways.IgnoreQueryFilters().Where(p => p.OrganisationId == org).Select(p => p.Id);
            await foreach (var r in db.Steps.IgnoreQueryFilters().AsNoTracking().Where(r => own.Contains(r.PathwayId)).Select(r => new { r.Id, r.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.Steps, r.Id, r.ExternalId);
            await foreach (var r in db.Barriers.IgnoreQueryFilters().AsNoTracking().Where(r => own.Contains(r.PathwayId)).Select(r => new { r.Id, r.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.Barriers, r.Id, r.ExternalId);
            await foreach (var r in db.Contracts.IgnoreQueryFilters().AsNoTracking().Where(r => own.Contains(r.PathwayId)).Select(r => new { r.Id, r.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.Contracts, r.Id, r.ExternalId);
            await foreach (var r in db.Appointments.IgnoreQueryFilters().AsNoTracking().Where(r => own.Contains(r.PathwayId)).Select(r => new { r.Id, r.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.Appointments, r.Id, r.ExternalId);
            // Programming, actions and clause markets created in Parcours (the generator, later the modules' pages): those of
            // the producer organisation and those its pathways and steps cite, as the exporter selects them (§8.2).
            var ownSteps = db.Steps.IgnoreQueryFilters().Where(st => own.Contains(st.PathwayId));
            var operations = db.Operations.Where(o => o.ProgrammeOrganisationId == org || o.OperatorOrganisationId == org
                || db.Pathways.IgnoreQueryFilters().Any(p => p.OrganisationId == org && p.OperationId == o.Id) || ownSteps.Any(st => st.OperationId == o.Id));
            await foreach (var r in operations.AsNoTracking().Select(r => new { r.Id, r.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.Operations, r.Id, r.ExternalId);
            await foreach (var r in db.Financings.AsNoTracking().Where(f => operations.Any(o => o.Id == f.OperationId)).Select(r => new { r.Id, r.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.Financings, r.Id, r.ExternalId);
            var actions = db.InsertionActions.Where(a => a.FunderOrganisationId == org || a.OperatorOrganisationId == org || ownSteps.Any(st => st.ActionId == a.Id));
            await foreach (var r in actions.AsNoTracking().Select(r => new { r.Id, r.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.Actions, r.Id, r.ExternalId);
            await foreach (var r in db.MonthlyReports.AsNoTracking().Join(actions, m => m.ActionId, a => a.Id, (m, a) => new { m.Id, m.Month, ActionId = a.Id, a.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.MonthlyReports, r.Id, (r.ExternalId ?? ExchangeSchema.Actions.LocalIdPrefix + r.ActionId.ToString(CultureInfo.InvariantCulture)) + "|" + r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            var hours = db.ClauseHours.Where(h => h.PathwayId != null && own.Contains(h.PathwayId.Value)
                || db.ClauseMarkets.Any(m => m.Id == h.MarketId && (m.BuyerOrganisationId == org || m.FacilitatorOrganisationId == org)));
            var markets = db.ClauseMarkets.Where(m => m.BuyerOrganisationId == org || m.FacilitatorOrganisationId == org || m.AwardeeOrganisationId == org
                || ownSteps.Any(st => st.ClauseMarketId == m.Id) || hours.Any(h => h.MarketId == m.Id));
            await foreach (var r in markets.AsNoTracking().Select(r => new { r.Id, r.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.ClauseMarkets, r.Id, r.ExternalId);
            await foreach (var r in hours.AsNoTracking().Select(r => new { r.Id, r.ExternalId }).AsAsyncEnumerable().WithCancellation(ct))
                AddOwn(ExchangeSchema.ClauseHours, r.Id, r.ExternalId);
        }
        // Dates that cross-file rules need for stored pathways are not loaded: a dataset that sends steps of a stored
        // pathway without the pathway skips the «inside the pathway» check (see docs/spec-notes.md).
    }

    // ---------------------------------------------------------------- pass 1

    private HeaderMap? ReadHeader(FileSpec spec, List<string> header)
    {
        var byField = new ColumnSpec?[header.Count];
        var fieldOf = Enumerable.Repeat(-1, spec.Columns.Count).ToArray();
        var ok = true;
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            if (name.StartsWith("x_", StringComparison.Ordinal))
            {
                if (_manifest.Anonymised)
                {
                    _report.Error(spec.Name, 1, name, "", "COLUMN_FORBIDDEN", $"La colonne {name} est interdite dans un jeu anonymisé.", $"Column {name} is forbidden in an anonymised dataset.");
                    ok = false;
                }
                continue;
            }
            var index = spec.Columns.ToList().FindIndex(c => c.Name == name);
            if (index < 0)
            {
                _report.Error(spec.Name, 1, name, "", "COLUMN_UNKNOWN", $"La colonne {Safe(name)} n'existe pas dans ce fichier.", $"Column {Safe(name)} does not exist in this file.");
                ok = false;
                continue;
            }
            if (fieldOf[index] >= 0)
            {
                _report.Error(spec.Name, 1, name, "", "HEADER_DUPLICATE", $"La colonne {name} apparaît deux fois dans l'en-tête.", $"Column {name} appears twice in the header.");
                ok = false;
                continue;
            }
            var column = spec.Columns[index];
            if (_manifest.Anonymised && !column.KeptInFeed)
            {
                _report.Error(spec.Name, 1, name, "", "COLUMN_FORBIDDEN", $"La colonne {name} est interdite dans un jeu anonymisé.", $"Column {name} is forbidden in an anonymised dataset.");
                ok = false;
                continue;
            }
            fieldOf[index] = i;
            byField[i] = column;
        }
        for (var c = 0; c < spec.Columns.Count; c++)
        {
            var column = spec.Columns[c];
            var required = column.Required && !(_manifest.Anonymised && !column.KeptInFeed);
            if (required && fieldOf[c] < 0)
            {
                _report.Error(spec.Name, 1, column.Name, "", "COLUMN_MISSING", $"La colonne obligatoire {column.Name} est absente.", $"Required column {column.Name} is missing.");
                ok = false;
            }
        }
        return ok ? new HeaderMap(spec, byField, fieldOf) : null;
    }

    private static string Safe(string name) => name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? name : "«…»";

    private async Task ValidateFileAsync(DatasetSource source, FileSpec spec, ImportOptions options, CancellationToken ct)
    {
        var listed = _manifest.Files.First(f => f.Name == spec.Name);
        var index = _indexes[spec.Name];
        await using var hashing = new HashingStream(source.Open(spec.Name));
        using var reader = new CsvRecordReader(hashing);
        var fields = new List<string>();
        long rows = 0;
        HeaderMap? header = null;
        var values = new object?[spec.Columns.Count];
        var rawValues = new string?[spec.Columns.Count];
        var storedIdentities = options.MatchByNir || options.MatchByName
            ? spec == ExchangeSchema.Participants && await db.Identities.IgnoreQueryFilters().AnyAsync(ct) : false;
        // (pathway, barrier code, identified on) unique: 64-bit hashes of the triples, like the keys (memory).
        var barrierTriples = spec == ExchangeSchema.Barriers ? new KeySet((int)Math.Min(listed.Rows, 20_000_000), FileIndex.LeafLoad) : null;
        try
        {
            if (!reader.Read(fields))
            {
                _report.Error(spec.Name, null, "", "", "CSV_SYNTAX", "Ligne CSV mal formée (fichier vide, en-tête absent).", "Malformed CSV line (empty file, no header).");
                return;
            }
            header = ReadHeader(spec, fields);
            _currentHeader = header;
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
                await ValidateRowAsync(spec, header, fields, line, values, rawValues, index, storedIdentities, barrierTriples, ct);
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
            _read[spec.Name] = (header!, rows);
            return;
        }
        catch (InvalidDataException)
        {
            _report.Error(spec.Name, null, "", "", "CONTAINER_INVALID", $"L'archive est illisible ou contient une entrée non autorisée : {spec.Name}.", $"The archive cannot be read or holds a forbidden entry: {spec.Name}.");
            return;
        }
        hashing.Drain();
        if (index.Leaf) index.ReleaseNewKeys();
        var sha = hashing.Sha256();
        if (sha != listed.Sha256)
            _report.Error(spec.Name, null, "", "", "CHECKSUM_MISMATCH", $"L'empreinte SHA-256 de {spec.Name} ne correspond pas au manifeste.", $"The SHA-256 digest of {spec.Name} does not match the manifest.");
        if (rows != listed.Rows)
            _report.Error(spec.Name, null, "", "", "ROW_COUNT_MISMATCH", $"{spec.Name} contient {rows} lignes de données ; le manifeste en annonce {listed.Rows}.", $"{spec.Name} holds {rows} data rows; the manifest says {listed.Rows}.");
        _read[spec.Name] = (header, rows);
    }

    private object? Value(FileSpec spec, object?[] values, string column) => values[IndexOf(spec, column)];

    private static int IndexOf(FileSpec spec, string column) => spec.IndexOf(column);

    private static readonly Dictionary<string, int> FileOrder = ExchangeSchema.Files.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i);

    private async Task ValidateRowAsync(FileSpec spec, HeaderMap header, List<string> fields, int line, object?[] values, string?[] raws,
        FileIndex index, bool storedIdentities, KeySet? barrierTriples, CancellationToken ct)
    {
        Array.Clear(values);
        Array.Clear(raws);
        var keyRaw = ExchangeSchema.LocalKey(spec, c => header.FieldOf[c] >= 0 ? fields[header.FieldOf[c]].Trim() : null) ?? "";
        var recordId = keyRaw.Length <= 80 ? keyRaw : "";
        var ok = true;
        for (var c = 0; c < spec.Columns.Count; c++)
        {
            var f = header.FieldOf[c];
            if (f < 0) continue;
            var column = spec.Columns[c];
            var raw = fields[f];
            if (raw.Length == 0 || (column.Type != ColumnType.Text && raw.AsSpan().Trim().Length == 0))
            {
                if (column.Required)
                {
                    _report.Error(spec.Name, line, column.Name, recordId, "VALUE_REQUIRED", "Valeur obligatoire manquante.", "A required value is missing.");
                    ok = false;
                }
                continue;
            }
            if (_manifest.Anonymised && column.PseudonymEntity is not null)
            {
                var trimmed = raw.Trim();
                if (!ExchangeValues.IsPseudonym(trimmed))
                {
                    _report.Error(spec.Name, line, column.Name, recordId, "PSEUDONYM_FORMAT", "Pseudonyme attendu : 64 caractères hexadécimaux minuscules.", "Pseudonym expected: 64 lower-case hexadecimal characters.");
                    ok = false;
                }
                values[c] = raws[c] = trimmed;
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
            raws[c] = value as string ?? raw.Trim();
            if (column.Type == ColumnType.Date && !column.Planned && value is DateOnly d && d > _producedOn)
            {
                _report.Error(spec.Name, line, column.Name, recordId, "DATE_FUTURE", $"La date {d:yyyy-MM-dd} est postérieure à la production du jeu ({_producedOn:yyyy-MM-dd}).",
                    $"Date {d:yyyy-MM-dd} is after the dataset was produced ({_producedOn:yyyy-MM-dd}).");
                ok = false;
            }
        }
        // Date order inside the row (§5 «≥ …» rules).
        for (var c = 0; c < spec.Columns.Count; c++)
        {
            var column = spec.Columns[c];
            if (column.NotBefore is null || values[c] is not DateOnly date) continue;
            if (Value(spec, values, column.NotBefore) is DateOnly other && date < other)
            {
                _report.Error(spec.Name, line, column.Name, recordId, "DATE_ORDER", $"{column.Name} ({date:yyyy-MM-dd}) est antérieure à {column.NotBefore} ({other:yyyy-MM-dd}).",
                    $"{column.Name} ({date:yyyy-MM-dd}) is earlier than {column.NotBefore} ({other:yyyy-MM-dd}).");
                ok = false;
            }
        }
        // Key: unique in the file.
        int slot = -1;
        var key = spec.CompositeKey ? ExchangeSchema.LocalKey(spec, c => raws[c]) : values[0] as string;
        if (key is not null)
        {
            var hash = Hash(key);
            if (_deletedKeys.TryGetValue(spec.Name, out var deletedKeys) && deletedKeys.Contains(hash))
            {
                _report.Error(spec.Name, line, spec.KeyColumn.Name, recordId, "DELETE_CONFLICT", $"L'enregistrement {key} est supprimé alors qu'il est fourni ou encore référencé.",
                    $"Record {key} is deleted while it is supplied or still referenced.");
                ok = false;
            }
            if (index.Leaf && !index.Slots.ContainsKey(hash))
            {
                if (!index.AddNewKey(hash))
                {
                    _report.Error(spec.Name, line, spec.KeyColumn.Name, recordId, "ID_DUPLICATE", $"L'identifiant {key} est en double.", $"Identifier {key} is duplicated.");
                    return;
                }
                slot = -1;
            }
            else if (index.Slots.TryGetValue(hash, out slot))
            {
                if (index.InDataset[slot])
                {
                    _report.Error(spec.Name, line, spec.KeyColumn.Name, recordId, "ID_DUPLICATE", $"L'identifiant {key} est en double.", $"Identifier {key} is duplicated.");
                    return;
                }
            }
            else slot = index.Add(hash, 0, stored: false);
            if (slot >= 0) index.InDataset[slot] = true;
        }
        else return;
        // References.
        for (var c = 1; c < spec.Columns.Count; c++)
        {
            var column = spec.Columns[c];
            if (column.References is not { } target || values[c] is not string refKey) continue;
            var resolved = Resolve(spec.Name, line, column.Name, recordId, target, refKey, deferIfLater: true, KindCheck(spec, column, line, recordId));
            if (resolved == -2) ok = false;
        }
        if (!ok)
        {
            // Its facts (dates, links) are unknown: rules of other files that read them skip this record.
            if (slot >= 0) _rowsInError.Add((spec.Name, slot));
            return;
        }
        await FileRulesAsync(spec, values, line, recordId, slot, index, storedIdentities, barrierTriples, ct);
    }

    /// <summary>Slot of the referenced record; -1 when deferred (target file read later); -2 when dangling (reported).</summary>
    private int Resolve(string file, int line, string column, string recordId, string targetFile, string key, bool deferIfLater, Action<int> onResolved)
    {
        if (!_indexes.TryGetValue(targetFile, out var target))
        {
            Dangling(file, line, column, recordId, targetFile, key);
            return -2;
        }
        if (_deletedKeys.TryGetValue(targetFile, out var deleted) && deleted.Contains(Hash(key)))
        {
            _report.Error(file, line, column, recordId, "DELETE_CONFLICT", $"L'enregistrement {key} est supprimé alors qu'il est fourni ou encore référencé.",
                $"Record {key} is deleted while it is supplied or still referenced.");
            return -2;
        }
        var slot = target.Find(key);
        if (slot >= 0 && (target.Stored[slot] || target.InDataset[slot])) { onResolved(slot); return slot; }
        var targetOrder = FileOrder.GetValueOrDefault(targetFile, -1);
        var thisOrder = FileOrder.GetValueOrDefault(file, -1);
        if (deferIfLater && targetOrder >= thisOrder && _manifest.Files.Any(f => f.Name == targetFile))
        {
            _deferred.Add((file, line, column, recordId, targetFile, key, onResolved));
            return -1;
        }
        Dangling(file, line, column, recordId, targetFile, key);
        return -2;
    }

    private void Dangling(string file, int line, string column, string recordId, string targetFile, string key) =>
        _report.Error(file, line, column, recordId, "REFERENCE_DANGLING", $"{column} = {key} ne correspond à aucun enregistrement de {targetFile}.",
            $"{column} = {key} matches no record of {targetFile}.");

    /// <summary>
    /// Resolves the references that waited for <paramref name="targetFile"/> once it is read (all that are left when
    /// null), so that they do not stay in memory while the next files are read.
    /// </summary>
    private void ResolveDeferred(string? targetFile = null)
    {
        if (_deferred.Count == 0) return;
        var ready = targetFile is null ? _deferred.ToList() : _deferred.Where(d => d.TargetFile == targetFile).ToList();
        if (targetFile is null) _deferred.Clear();
        else _deferred.RemoveAll(d => d.TargetFile == targetFile);
        _deferred.TrimExcess();
        foreach (var d in ready) Resolve(d.File, d.Line, d.Column, d.RecordId, d.TargetFile, d.Value, deferIfLater: false, d.OnResolved);
    }

    private async Task FileRulesAsync(FileSpec spec, object?[] values, int line, string recordId, int slot, FileIndex index, bool storedIdentities,
        KeySet? barrierTriples, CancellationToken ct)
    {
        void Inconsistent(string column, string fr, string en) =>
            _report.Error(spec.Name, line, column, recordId, "VALUE_INCONSISTENT", $"Valeurs incohérentes : {fr}.", $"Inconsistent values: {en}.");
        switch (spec.Name)
        {
            case "organisations.csv":
                index.Kind[slot] = (int)Enum.Parse<OrganisationKind>((string)values[1]!);
                if (Value(spec, values, "parent_organisation_id") is string parent && parent == (string)values[0]!)
                    Inconsistent("parent_organisation_id", "une organisation ne peut pas être sa propre parente", "an organisation cannot be its own parent");
                OrganisationRules(spec, values, line, recordId, slot);
                break;
            case "operations.csv":
                OperationRules(spec, values, line, recordId, slot, Inconsistent);
                break;
            case "financings.csv":
                FinancingRules(spec, values, Inconsistent);
                break;
            case "actions.csv":
                ActionRowRules(spec, values, line, recordId, slot, index, Inconsistent);
                break;
            case "monthly_reports.csv":
                MonthlyReportRules(spec, values, line, recordId, Inconsistent);
                break;
            case "clause_markets.csv":
                ClauseMarketRules(spec, values, line, recordId, slot, index);
                break;
            case "clause_hours.csv":
                ClauseHoursRules(spec, values, line, recordId, Inconsistent);
                break;
            case "contracts.csv":
                CommitmentContractRules(spec, values, line, recordId);
                break;
            case "participants.csv":
            {
                var birth = Value(spec, values, "birth_date") as DateOnly?;
                var year = Value(spec, values, "birth_year") as int?;
                if (birth is null && year is null)
                    _report.Error(spec.Name, line, "birth_year", recordId, "VALUE_REQUIRED", "Valeur obligatoire manquante.", "A required value is missing.");
                else if (birth is { } b && year is { } y && b.Year != y)
                    Inconsistent("birth_year", "l'année de naissance diffère de la date de naissance", "the birth year differs from the date of birth");
                index.Date1[slot] = birth;
                var nir = Value(spec, values, "nir") as string;
                if (nir is not null && Value(spec, values, "sex") is string sex && (nir[0] == '1' || nir[0] == '2')
                    && (nir[0] == '1') != (sex == "HOMME"))
                    _report.Warning(spec.Name, line, "nir", recordId, "SEX_NIR_MISMATCH", "Le sexe ou la date de naissance ne concorde pas avec le NIR.", "Sex or date of birth does not agree with the NIR.");
                if (storedIdentities && !_manifest.Anonymised) await ResolveIdentityAsync(spec, values, line, recordId, slot, index, nir, birth, ct);
                break;
            }
            case "pathways.csv":
                PathwayRules(spec, values, line, recordId, slot, index, Inconsistent);
                break;
            case "steps.csv":
            {
                var pathways = _indexes[ExchangeSchema.Pathways.Name];
                var pathwaySlot = pathways.Find((string)values[1]!);
                if (pathwaySlot >= 0 && pathways.InDataset[pathwaySlot] && !_rowsInError.Contains((ExchangeSchema.Pathways.Name, pathwaySlot)))
                {
                    var entry = pathways.Date1[pathwaySlot];
                    var exit = pathways.Date2[pathwaySlot];
                    var start = (DateOnly)values[3]!;
                    var end = Value(spec, values, "end_date") as DateOnly?;
                    // S1: only the pathway's exit step (known from pathways.csv, read before) may continue after the exit.
                    if (entry is null || start < entry || (exit is { } x && start > x))
                        _report.Error(spec.Name, line, "start_date", recordId, "STEP_OUTSIDE_PATHWAY", "L'étape se situe en dehors des dates d'entrée et de sortie du parcours.",
                            "The step lies outside the pathway's entry and exit dates.");
                    else if (exit is { } x2 && end is { } e && e > x2
                             && !(_exitStepOfPathway.TryGetValue(pathwaySlot, out var exitStep) && exitStep == Hash(recordId)))
                        _report.Error(spec.Name, line, "end_date", recordId, "STEP_OUTSIDE_PATHWAY", "L'étape se situe en dehors des dates d'entrée et de sortie du parcours.",
                            "The step lies outside the pathway's entry and exit dates.");
                }
                StepRules(spec, values, line, recordId, Inconsistent);
                StepCrossRules(spec, values, line, recordId, pathwaySlot, Inconsistent);
                break;
            }
            case "barriers.csv":
            {
                var pathwaySlot = _indexes[ExchangeSchema.Pathways.Name].Find((string)values[1]!);
                var triple = string.Create(CultureInfo.InvariantCulture, $"{pathwaySlot}|{(string)values[2]!}|{((DateOnly)values[3]!).DayNumber}");
                if (!barrierTriples!.Add(Hash(triple)))
                    _report.Error(spec.Name, line, "barrier_code", recordId, "ID_DUPLICATE", $"L'identifiant {recordId} est en double.", $"Identifier {recordId} is duplicated.");
                break;
            }
            case "appointments.csv":
                if (Value(spec, values, "attended") is not null && values[2] is DateOnly date && date > _producedOn)
                    Inconsistent("attended", "présence renseignée pour un rendez-vous futur", "attendance given for a future appointment");
                if (Value(spec, values, "convocation_rank") is int rank && rank is < 1 or > 9)
                    _report.Error(spec.Name, line, "convocation_rank", recordId, "VALUE_RANGE", "Valeur hors des bornes autorisées (1 à 9).", "Value outside the allowed range (1 to 9).");
                break;
            case "referents.csv":
                if (Value(spec, values, "fte") is decimal fte && (fte <= 0 || fte > 1 || decimal.Round(fte, 2) != fte))
                    _report.Error(spec.Name, line, "fte", recordId, "VALUE_RANGE", "Valeur hors des bornes autorisées (0 < fte ≤ 1, deux décimales).", "Value outside the allowed range (0 < fte ≤ 1, two decimals).");
                break;
        }
    }

    /// <summary>Rule S2 (contract of the step) and the ranges of §5.5.</summary>
    private void StepRules(FileSpec spec, object?[] values, int line, string recordId, Action<string, string, string> inconsistent)
    {
        var type = Enum.Parse<StepType>((string)values[IndexOf(spec, "step_type")]!);
        var contractText = Value(spec, values, "contract_type") as string;
        var months = Value(spec, values, "contract_months") as decimal?;
        var openEnded = Value(spec, values, "open_ended") as bool? == true;
        if (contractText is null)
        {
            // Required only when the file carries the column (a producer may leave optional columns out, §3.2).
            if (StepFamilies.HasEmploymentContract(StepTypes.Family(type)) && spec.IndexOf("contract_type") >= 0 && _currentHeader?.FieldOf[spec.IndexOf("contract_type")] >= 0)
                _report.Error(spec.Name, line, "contract_type", recordId, "VALUE_REQUIRED", "Valeur obligatoire manquante.", "A required value is missing.");
        }
        else
        {
            var contract = Enum.Parse<ContractType>(contractText);
            if (!StepTypes.IsContractAllowed(type, contract, months, openEnded))
                inconsistent("contract_type", $"le contrat {contract} n'est pas admis pour une étape {type}", $"contract {contract} is not allowed for a step {type}");
            if (months is not null && (contract is ContractType.CDI or ContractType.CREATION_ENTREPRISE || openEnded))
                inconsistent("contract_months", "pas de durée pour un contrat à durée indéterminée", "no duration for an open-ended contract");
            // S2: a fixed-term contract needs its duration (when the file carries the column, §3.2).
            if (months is null && !openEnded && contract is not (ContractType.CDI or ContractType.CREATION_ENTREPRISE)
                && _currentHeader?.FieldOf[spec.IndexOf("contract_months")] >= 0)
                _report.Error(spec.Name, line, "contract_months", recordId, "VALUE_REQUIRED", "Valeur obligatoire manquante.", "A required value is missing.");
            if (openEnded && contract is not (ContractType.APPRENTISSAGE or ContractType.PROFESSIONNALISATION or ContractType.CUI_CAE or ContractType.CUI_CIE or ContractType.AUTRE))
                inconsistent("open_ended", $"open_ended = 1 n'est pas admis pour le contrat {contract}", $"open_ended = 1 is not allowed for contract {contract}");
        }
        if (months is { } m && (m <= 0 || m > 60))
            _report.Error(spec.Name, line, "contract_months", recordId, "VALUE_RANGE", "Valeur hors des bornes autorisées (0 < mois ≤ 60).", "Value outside the allowed range (0 < months ≤ 60).");
        if (Value(spec, values, "weekly_hours") is decimal h && (h <= 0 || h > 48))
            _report.Error(spec.Name, line, "weekly_hours", recordId, "VALUE_RANGE", "Valeur hors des bornes autorisées (0 < heures ≤ 48).", "Value outside the allowed range (0 < hours ≤ 48).");
        if (Value(spec, values, "total_hours") is decimal t && t <= 0)
            _report.Error(spec.Name, line, "total_hours", recordId, "VALUE_RANGE", "Valeur hors des bornes autorisées (> 0).", "Value outside the allowed range (> 0).");
        if (Value(spec, values, "qualification_obtained") is not null && Value(spec, values, "end_date") is null)
            inconsistent("qualification_obtained", "certification obtenue sans date de fin", "qualification obtained without an end date");
    }

    private HeaderMap? _currentHeader;

    private readonly Dictionary<int, ulong> _exitStepOfPathway = [];

    /// <summary>Sex of each participant key slot, read while the participants file is written (pass 2).</summary>
    private Sex[] _participantSex = [];

    private void PathwayRules(FileSpec spec, object?[] values, int line, string recordId, int slot, FileIndex index, Action<string, string, string> inconsistent)
    {
        var status = Enum.Parse<PathwayStatus>((string)Value(spec, values, "status")!);
        var prescription = Value(spec, values, "prescription_date") as DateOnly?;
        var entry = Value(spec, values, "entry_date") as DateOnly?;
        var exit = Value(spec, values, "exit_date") as DateOnly?;
        var exitReason = Value(spec, values, "exit_reason") as string;
        var nonEntryReason = Value(spec, values, "non_entry_reason") as string;
        var nonEntryDate = Value(spec, values, "non_entry_date") as DateOnly?;
        index.Date1[slot] = entry;
        index.Date2[slot] = exit;
        var consistent = status switch
        {
            PathwayStatus.ENTRE or PathwayStatus.EN_VEILLE => entry is not null && exit is null && exitReason is null,
            PathwayStatus.SORTI => entry is not null && exit is not null && exitReason is not null,
            PathwayStatus.NON_ENTRE => nonEntryReason is not null && nonEntryDate is not null && entry is null,
            _ => prescription is not null && entry is null && exit is null,
        };
        if (!consistent)
            _report.Error(spec.Name, line, "status", recordId, "STATUS_INCONSISTENT", $"Le statut {status} est incompatible avec les dates ou motifs renseignés.",
                $"Status {status} does not agree with the dates or reasons given.");
        if ((exit is null) != (exitReason is null))
            inconsistent("exit_reason", "le motif de sortie est requis si et seulement si la date de sortie est renseignée", "exit_reason is required if and only if exit_date is given");
        if (nonEntryReason is not null && status != PathwayStatus.NON_ENTRE)
            inconsistent("non_entry_reason", "motif de non-entrée hors du statut NON_ENTRE", "non-entry reason outside status NON_ENTRE");
        if (Value(spec, values, "age_at_entry") is int age)
        {
            if (age is < 0 or > 120)
                _report.Error(spec.Name, line, "age_at_entry", recordId, "VALUE_RANGE", "Valeur hors des bornes autorisées (0 à 120).", "Value outside the allowed range (0 to 120).");
            else if (age is < 16 or > 75)
                _report.Warning(spec.Name, line, "age_at_entry", recordId, "AGE_IMPLAUSIBLE", $"Âge à l'entrée inhabituel ({age} ans).", $"Unusual age at entry ({age}).");
            var participants = _indexes[ExchangeSchema.Participants.Name];
            var p = participants.Find((string)values[1]!);
            if (p >= 0 && participants.InDataset[p] && participants.Date1[p] is { } birth && entry is { } e && AgeRules.AgeAt(birth, e) != age)
                inconsistent("age_at_entry", "l'âge à l'entrée ne correspond pas à la date de naissance", "age at entry does not match the date of birth");
        }
        else if (_manifest.Anonymised && entry is not null)
            _report.Error(spec.Name, line, "age_at_entry", recordId, "VALUE_REQUIRED", "Valeur obligatoire manquante.", "A required value is missing.");
        var educationFt = Value(spec, values, "education_level") as string;
        var education1969 = Value(spec, values, "education_level_1969") as string;
        if (educationFt is not null && education1969 is not null
            && !Education.Consistent(Enum.Parse<EducationLevelFt>(educationFt), Enum.Parse<EducationLevel1969>(education1969)))
            inconsistent("education_level_1969", "les deux niveaux de formation ne concordent pas", "the two education levels disagree");
        if (educationFt is null && education1969 is null && entry is not null && Value(spec, values, "scheme") is "PLIE")
            _report.Warning(spec.Name, line, "education_level", recordId, "EDUCATION_MISSING", "Niveau de formation non renseigné pour un parcours PLIE entré.",
                "No education level for an entered PLIE pathway.");
        if (Value(spec, values, "inactivity_months") is int months)
        {
            if (months is < 0 or > 720)
                _report.Error(spec.Name, line, "inactivity_months", recordId, "VALUE_RANGE", "Valeur hors des bornes autorisées (0 à 720).", "Value outside the allowed range (0 to 720).");
            else if (Value(spec, values, "inactivity_band") is string band && band != InactivityBands.FromMonths(months).ToString())
                inconsistent("inactivity_band", "la tranche d'inactivité ne correspond pas aux mois", "inactivity band does not match the months");
        }
        if (Value(spec, values, "exit_step_id") is string exitStep) _exitStepOfPathway[slot] = Hash(exitStep);
        PathwayMoreRules(spec, values, line, recordId, slot, index, inconsistent);
        // The owner of a new participant is the programme of its first pathway in the dataset.
        var participantsIndex = _indexes[ExchangeSchema.Participants.Name];
        var participantSlot = participantsIndex.Find((string)values[1]!);
        var programmeSlot = _indexes[ExchangeSchema.Organisations.Name].Find((string)Value(spec, values, "programme_organisation_id")!);
        if (participantSlot >= 0 && participantsIndex.Link[participantSlot] < 0) participantsIndex.Link[participantSlot] = programmeSlot;
    }

    private async Task ResolveIdentityAsync(FileSpec spec, object?[] values, int line, string recordId, int slot, FileIndex index, string? nir, DateOnly? birth, CancellationToken ct)
    {
        if (nir is not null)
        {
            var byNir = await db.Identities.IgnoreQueryFilters().AsNoTracking().Where(i => i.Nir == nir).Select(i => i.Id).ToListAsync(ct);
            if (index.Stored[slot])
            {
                if (byNir.Any(id => id != index.Ids[slot]))
                    _report.Error(spec.Name, line, "nir", recordId, "IDENTITY_CONFLICT", $"Le participant {recordId} correspond à une autre personne déjà connue.",
                        $"Participant {recordId} matches another person already known.");
                return;
            }
            if (byNir.Count == 1)
            {
                index.Ids[slot] = byNir[0];
                index.Stored[slot] = true;
                return;
            }
        }
        if (index.Stored[slot] || birth is null) return;
        var last = Value(spec, values, "last_name") as string;
        var first = Value(spec, values, "first_name") as string;
        if (last is null || first is null) return;
        var wanted = (MatchName(last), MatchName(first.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]));
        var candidates = await db.Identities.IgnoreQueryFilters().AsNoTracking().Where(i => i.BirthDate == birth)
            .Select(i => new { i.Id, i.LastName, i.BirthName, i.FirstName, i.Nir }).ToListAsync(ct);
        var matches = candidates.Where(c => (MatchName(c.LastName) == wanted.Item1 || (c.BirthName is not null && MatchName(c.BirthName) == wanted.Item1))
            && MatchName(c.FirstName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "") == wanted.Item2
            && (c.Nir is null || nir is null || c.Nir == nir)).ToList();
        if (matches.Count == 1)
        {
            index.Ids[slot] = matches[0].Id;
            index.Stored[slot] = true;
        }
        else if (matches.Count > 1)
            _report.Warning(spec.Name, line, "last_name", recordId, "POSSIBLE_DUPLICATE", "Personne peut-être déjà connue (même nom et date de naissance) : non rapprochée.",
                "Possibly a person already known (same name and date of birth): not matched.");
    }

    /// <summary>§7.2: upper case, accents removed, spaces, hyphens and apostrophes removed.</summary>
    internal static string MatchName(string name) =>
        new(ParticipantIdentity.Normalise(name).Where(c => c is not (' ' or '-' or '\'' or '’')).ToArray());

    // ---------------------------------------------------------------- pass 2

    /// <summary>Key ranges of this import: the new records of each file whose key is derivable.</summary>
    private readonly List<ExchangeKeyRange> _newRanges = [];

    /// <summary>
    /// The key of a record of this file is derivable when the record keeps its local id as its external id (single-column
    /// keys stored in <c>ExternalId</c>): its new records get a key range instead of one key row each.
    /// </summary>
    internal static bool KeyDerivable(FileSpec spec) =>
        spec != ExchangeSchema.Organisations && !spec.CompositeKey && spec.KeyColumn.Property == "ExternalId";

    private async Task AssignIdsAsync(BulkWriter writer, IEnumerable<FileSpec> files, CancellationToken ct)
    {
        foreach (var spec in files)
        {
            var index = _indexes[spec.Name];
            var fresh = index.NewKeyCount;
            for (var s = 0; s < index.Ids.Count; s++) if (!index.Stored[s] && index.InDataset[s]) fresh++;
            if (fresh == 0) continue;
            // New ids above every key range of the file, so that ranges never overlap (ids of deleted records are not reused).
            var derivable = KeyDerivable(spec);
            var above = derivable ? await db.Set<ExchangeKeyRange>().Where(r => r.File == spec.Name).MaxAsync(r => (long?)r.LastId, ct) ?? 0 : 0;
            var next = (long)await ((Task<long>)typeof(BulkWriter).GetMethod(nameof(BulkWriter.NextIdsFromAsync))!.MakeGenericMethod(spec.EntityType)
                .Invoke(writer, [fresh, above + 1, ct])!);
            if (derivable) _newRanges.Add(new ExchangeKeyRange { ProducerCode = _producer, File = spec.Name, FirstId = next, LastId = next + fresh - 1 });
            // The new records of the dataset are the slots added without an id that no identity match gave one.
            var pending = fresh - index.NewKeyCount;
            if (index.Ids.PendingCount != pending)
                throw new InvalidOperationException($"{spec.Name}: {index.Ids.PendingCount} slots wait for an id, {pending} new records.");
            index.Ids.AssignPending(next);
            index.NextNewId = next + pending;
        }
    }

    private sealed record Accessor(ColumnSpec Column, int Index, bool OnIdentity, Type PropertyType, bool Nullable, Func<object, object?> Get, Action<object, object?> Set);

    private static readonly Dictionary<FileSpec, List<Accessor>> Accessors = [];

    private List<Accessor> AccessorsOf(FileSpec spec)
    {
        lock (Accessors)
        {
            if (Accessors.TryGetValue(spec, out var list)) return list;
            list = [];
            for (var c = 0; c < spec.Columns.Count; c++)
            {
                var column = spec.Columns[c];
                var name = column.Property ?? DatasetExporter.Pascal(column.Name);
                var onIdentity = name.StartsWith("Identity.", StringComparison.Ordinal);
                var type = onIdentity ? typeof(ParticipantIdentity) : spec.EntityType;
                if (onIdentity) name = name["Identity.".Length..];
                var property = type.GetProperty(name);
                if (property is null || !property.CanWrite) continue; // operation_id, action_id, clause_market_id: not stored yet
                var efProperty = db.Model.FindEntityType(type)!.FindProperty(name);
                var nullable = efProperty?.IsNullable ?? true;
                list.Add(new Accessor(column, c, onIdentity, property.PropertyType, nullable, Getter(property), Setter(property)));
            }
            Accessors[spec] = list;
            return list;
        }
    }

    private static Func<object, object?> Getter(PropertyInfo p)
    {
        var o = Expression.Parameter(typeof(object));
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(Expression.Property(Expression.Convert(o, p.DeclaringType!), p), typeof(object)), o).Compile();
    }

    private static Action<object, object?> Setter(PropertyInfo p)
    {
        var o = Expression.Parameter(typeof(object));
        var v = Expression.Parameter(typeof(object));
        return Expression.Lambda<Action<object, object?>>(
            Expression.Assign(Expression.Property(Expression.Convert(o, p.DeclaringType!), p), Expression.Convert(v, p.PropertyType)), o, v).Compile();
    }

    private readonly Dictionary<(Type, string), object> _enumCache = [];

    /// <summary>The value to store for a cell (already validated in pass 1).</summary>
    private object? ToStored(FileSpec spec, Accessor a, string raw)
    {
        var column = a.Column;
        if (column.Key) return raw.Trim();
        if (column.References is { } target)
        {
            var index = _indexes[target];
            var slot = index.Find(raw.Trim());
            return index.Ids[slot];
        }
        // Values were checked in pass 1: plain conversions here.
        var text = column.Type == ColumnType.Text ? raw : raw.Trim();
        switch (column.Type)
        {
            case ColumnType.Code:
                var underlying = System.Nullable.GetUnderlyingType(a.PropertyType) ?? a.PropertyType;
                if (!_enumCache.TryGetValue((underlying, text), out var e)) _enumCache[(underlying, text)] = e = Enum.Parse(underlying, text);
                return e;
            case ColumnType.Date:
                return ExchangeValues.TryParseDate(text, out var date) ? date : throw new FormatException("date");
            case ColumnType.Boolean:
                return text == "1";
            case ColumnType.Integer:
            case ColumnType.Year:
                return int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            case ColumnType.Decimal:
            case ColumnType.Amount:
                var number = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                return spec == ExchangeSchema.Referents && column.Name == "fte" ? (object)(int)(number * 100) : number;
            case ColumnType.Month:
                return ExchangeValues.TryParseMonth(text, out var month) ? month : throw new FormatException("month");
            default:
                return text;
        }
    }

    private void Apply(FileSpec spec, HeaderMap header, List<string> fields, object entity, ParticipantIdentity? identity, List<Accessor> accessors)
    {
        foreach (var a in accessors)
        {
            var f = header.FieldOf[a.Index];
            if (f < 0) continue;
            var target = a.OnIdentity ? identity : entity;
            if (target is null) continue;
            var raw = fields[f];
            var value = raw.Length == 0 || (a.Column.Type != ColumnType.Text && string.IsNullOrWhiteSpace(raw)) ? null : ToStored(spec, a, raw);
            if (value is null && !a.Nullable)
                value = a.PropertyType == typeof(string) ? "" : a.PropertyType == typeof(int) && a.Column.Name == "fte" ? 100 : Activator.CreateInstance(a.PropertyType);
            a.Set(target, value);
        }
    }

    private async Task<(int Created, int Updated)> WriteFileAsync(DatasetSource source, FileSpec spec, BulkWriter writer, int producerSlot, ImportOptions options, CancellationToken ct)
    {
        var index = _indexes[spec.Name];
        var header = _read[spec.Name].Header;
        var accessors = AccessorsOf(spec);
        var orgIds = _indexes[ExchangeSchema.Organisations.Name].Ids;
        var producerOrgId = orgIds[producerSlot];
        var now = _clock.GetUtcNow().UtcDateTime;
        var created = 0;
        var updated = 0;
        var fresh = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(spec.EntityType))!;
        var identities = new List<ParticipantIdentity>();
        var keys = new List<ExchangeRecordKey>();
        var pendingUpdates = new List<(long Id, List<string> Fields)>();
        var hasIdentityColumns = spec == ExchangeSchema.Participants && accessors.Any(a => a.OnIdentity && header.FieldOf[a.Index] >= 0);
        var exitSteps = spec == ExchangeSchema.Pathways ? _exitStepOfPathway : null;
        var newOrganisations = spec == ExchangeSchema.Organisations ? new List<Organisation>() : null;
        var newEntity = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(spec.EntityType), typeof(object))).Compile();
        var setId = Setter(spec.EntityType.GetProperty("Id")!);
        // Required text that the file may leave out: an empty string rather than null.
        var emptyStrings = accessors.Where(a => !a.OnIdentity && !a.Nullable && a.PropertyType == typeof(string)).ToList();
        var derivable = KeyDerivable(spec); // new records are in this import's key range: no key row each
        // Pathways carry a copy of their participant's sex (Pathway.ParticipantSex): the participants file, written
        // first, records the sex of each key slot; a pathway of a participant absent from the file reads it from the
        // database before its batch is written.
        var sexField = spec == ExchangeSchema.Participants ? header.FieldOf[IndexOf(spec, "sex")] : -1;
        if (spec == ExchangeSchema.Participants) _participantSex = new Sex[index.Ids.Count];
        var participantField = spec == ExchangeSchema.Pathways ? header.FieldOf[IndexOf(spec, "participant_id")] : -1;
        var participantIndex = _indexes[ExchangeSchema.Participants.Name];
        var sexFromDatabase = new List<Pathway>();

        // Batches are written on a pool thread while the next one is mapped: the server stores one batch while the
        // client parses and maps the next, instead of each side waiting for the other. One batch at a time is in flight
        // (one connection); whatever else uses the connection (updates, the organisations) waits for it first.
        var inFlight = Task.CompletedTask;
        var listType = typeof(List<>).MakeGenericType(spec.EntityType);

        async Task WriteBatchAsync(IList batch, List<ParticipantIdentity> batchIdentities, List<ExchangeRecordKey> batchKeys, List<Pathway> batchSexes)
        {
            if (batchSexes.Count > 0)
            {
                var ids = batchSexes.Select(p => p.ParticipantId).Distinct().ToList();
                var sexes = await db.Participants.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id))
                    .ToDictionaryAsync(p => p.Id, p => p.Sex, ct);
                foreach (var p in batchSexes) p.ParticipantSex = sexes[p.ParticipantId];
            }
            if (batch.Count > 0)
            {
                await InsertAsync(writer, spec.EntityType, batch, ct);
                if (batchIdentities.Count > 0) await writer.InsertAsync(batchIdentities, ct);
            }
            if (batchKeys.Count > 0) await writer.InsertAsync(batchKeys, ct);
        }

        async Task FlushNew()
        {
            var batch = newOrganisations is null ? fresh : (IList)Activator.CreateInstance(listType)!;
            if (newOrganisations is null)
            {
                created += fresh.Count;
                fresh = (IList)Activator.CreateInstance(listType)!;
            }
            var batchIdentities = identities;
            var batchKeys = keys;
            var batchSexes = sexFromDatabase;
            if (batch.Count == 0 && batchKeys.Count == 0 && batchSexes.Count == 0) return;
            identities = [];
            keys = [];
            sexFromDatabase = [];
            await inFlight;
            inFlight = Task.Run(() => WriteBatchAsync(batch, batchIdentities, batchKeys, batchSexes), ct);
        }

        async Task Drain()
        {
            try { await inFlight; }
            finally { inFlight = Task.CompletedTask; }
        }

        try
        {
            using (var stream = source.Open(spec.Name))
            using (var reader = new CsvRecordReader(stream))
            {
                var fields = new List<string>();
                reader.Read(fields); // header
                Func<int, string?> cell = c => header.FieldOf[c] >= 0 ? fields[header.FieldOf[c]].Trim() : null;
                while (reader.Read(fields))
                {
                    var key = ExchangeSchema.LocalKey(spec, cell)!;
                    var slot = index.Find(key);
                    var id = slot >= 0 ? index.Ids[slot] : index.NextNewId++;
                    if (sexField >= 0 && slot >= 0 && Enum.TryParse<Sex>(fields[sexField].Trim(), out var participantSex))
                        _participantSex[slot] = participantSex;
                    if (slot >= 0 && index.Stored[slot])
                    {
                        pendingUpdates.Add((id, [.. fields]));
                        if (pendingUpdates.Count >= 1000) { await Drain(); updated += await UpdateAsync(spec, header, accessors, pendingUpdates, ct); pendingUpdates.Clear(); }
                        if (spec != ExchangeSchema.Organisations && !index.Keyed[slot])
                        {
                            keys.Add(new ExchangeRecordKey { ProducerCode = _producer, File = spec.Name, LocalId = key, EntityId = id });
                            index.Keyed[slot] = true;
                        }
                        continue;
                    }
                    var entity = newEntity();
                    setId(entity, id);
                    ParticipantIdentity? identity = null;
                    if (hasIdentityColumns) identity = new ParticipantIdentity { Id = id, LastName = "", FirstName = "" };
                    foreach (var a in emptyStrings)
                        if (a.Get(entity) is null) a.Set(entity, "");
                    Apply(spec, header, fields, entity, identity, accessors);
                    switch (entity)
                    {
                        case Participant p:
                            var ownerSlot = index.Link[slot];
                            p.OrganisationId = ownerSlot >= 0 ? orgIds[ownerSlot] : producerOrgId;
                            p.CreatedAtUtc = now;
                            if (p.BirthYear is null && identity?.BirthDate is { } birth) p.BirthYear = birth.Year;
                            if (identity is not null)
                            {
                                identity.OrganisationId = p.OrganisationId;
                                identity.RefreshSearchName();
                                identities.Add(identity);
                            }
                            break;
                        case Pathway pw:
                            var participantSlot = participantIndex.Find(fields[participantField].Trim());
                            if (participantSlot >= 0 && participantSlot < _participantSex.Length && _participantSex[participantSlot] != 0)
                                pw.ParticipantSex = _participantSex[participantSlot];
                            else sexFromDatabase.Add(pw);
                            if (exitSteps!.TryGetValue(slot, out var exitKey)) pw.ExitStepId = _indexes[ExchangeSchema.Steps.Name].Ids[_indexes[ExchangeSchema.Steps.Name].Slots[exitKey]];
                            pw.ExitStepId = exitSteps.ContainsKey(slot) ? pw.ExitStepId : null;
                            break;
                        case Referent r:
                            if (header.FieldOf[IndexOf(spec, "programme_organisation_id")] < 0 || r.OrganisationId == 0) r.OrganisationId = r.EmployerOrganisationId ?? producerOrgId;
                            break;
                        case Organisation o:
                            newOrganisations!.Add(o);
                            break;
                    }
                    fresh.Add(entity);
                    if (spec != ExchangeSchema.Organisations && !derivable)
                        keys.Add(new ExchangeRecordKey { ProducerCode = _producer, File = spec.Name, LocalId = key, EntityId = id });
                    if (fresh.Count >= options.BatchSize) await FlushNew();
                }
            }
            if (newOrganisations is not null)
            {
                // Parents and intermediate bodies first, so that the foreign keys hold row by row.
                var pending = newOrganisations.ToList();
                var ordered = new List<Organisation>();
                var placed = new HashSet<long>();
                bool Placed(long? id) => id is null || placed.Contains(id.Value) || !pending.Any(p => p.Id == id);
                while (pending.Count > 0)
                {
                    var ready = pending.Where(o => Placed(o.ParentOrganisationId) && Placed(o.IntermediateBodyId)).ToList();
                    if (ready.Count == 0) ready = pending.ToList(); // a cycle: reported? written as is
                    foreach (var o in ready) { ordered.Add(o); placed.Add(o.Id); pending.Remove(o); }
                }
                await Drain();
                foreach (var o in ordered) await writer.InsertAsync(new[] { o }, ct);
                created += ordered.Count;
                fresh.Clear();
            }
            await FlushNew();
            await Drain();
            if (pendingUpdates.Count > 0) updated += await UpdateAsync(spec, header, accessors, pendingUpdates, ct);
            return (created, updated);
        }
        catch
        {
            // The batch in flight uses the connection: let it end before the transaction is rolled back.
            try { await inFlight; } catch (Exception) { /* the first error is the one reported */ }
            throw;
        }
    }

    /// <summary>
    /// An update changed the external id of these records: a key range that holds one of them no longer derives its
    /// producer's key, so the range is split around the record and, when it had one, its former local id becomes a key
    /// row of the range's producer.
    /// </summary>
    private async Task SplitKeyRangesAsync(FileSpec spec, List<(long Id, string? OldExternalId)> changed, CancellationToken ct)
    {
        foreach (var (id, old) in changed)
        {
            var ranges = await db.Set<ExchangeKeyRange>().AsNoTracking().Where(r => r.File == spec.Name && r.FirstId <= id && r.LastId >= id).ToListAsync(ct);
            foreach (var r in ranges)
            {
                await db.Database.ExecuteSqlRawAsync("DELETE FROM exchange_key_range WHERE producer_code = {0} AND file = {1} AND first_id = {2}", [r.ProducerCode, r.File, r.FirstId], ct);
                if (r.FirstId < id)
                    await db.Database.ExecuteSqlRawAsync("INSERT INTO exchange_key_range (producer_code, file, first_id, last_id) VALUES ({0}, {1}, {2}, {3})",
                        [r.ProducerCode, r.File, r.FirstId, id - 1], ct);
                if (id < r.LastId)
                    await db.Database.ExecuteSqlRawAsync("INSERT INTO exchange_key_range (producer_code, file, first_id, last_id) VALUES ({0}, {1}, {2}, {3})",
                        [r.ProducerCode, r.File, id + 1, r.LastId], ct);
                if (old is not null)
                    await db.Database.ExecuteSqlRawAsync("INSERT INTO exchange_record_key (producer_code, file, local_id, entity_id) VALUES ({0}, {1}, {2}, {3}) ON CONFLICT DO NOTHING",
                        [r.ProducerCode, r.File, old, id], ct);
            }
        }
    }

    private static async Task InsertAsync(BulkWriter writer, Type type, IList rows, CancellationToken ct)
    {
        var method = typeof(BulkWriter).GetMethod(nameof(BulkWriter.InsertAsync))!.MakeGenericMethod(type);
        await (Task)method.Invoke(writer, [rows, ct])!;
    }

    /// <summary>Applies rows to known records through EF Core: unchanged values are not changes, changed ones are audited.</summary>
    private async Task<int> UpdateAsync(FileSpec spec, HeaderMap header, List<Accessor> accessors, List<(long Id, List<string> Fields)> rows, CancellationToken ct)
    {
        db.AuditEachRow = true;
        var ids = rows.Select(r => r.Id).ToList();
        var entities = spec.Name switch
        {
            "organisations.csv" => (await db.Organisations.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "referents.csv" => (await db.Referents.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "participants.csv" => (await db.Participants.IgnoreQueryFilters().Include(p => p.Identity).Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "pathways.csv" => (await db.Pathways.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "steps.csv" => (await db.Steps.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "barriers.csv" => (await db.Barriers.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "contracts.csv" => (await db.Contracts.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "appointments.csv" => (await db.Appointments.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "operations.csv" => (await db.Operations.Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "financings.csv" => (await db.Financings.Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "actions.csv" => (await db.InsertionActions.Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "monthly_reports.csv" => (await db.MonthlyReports.Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "clause_markets.csv" => (await db.ClauseMarkets.Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            "clause_hours.csv" => (await db.ClauseHours.Where(e => ids.Contains(e.Id)).ToListAsync(ct)).Cast<object>().ToList(),
            _ => [],
        };
        var byId = entities.ToDictionary(e => (long)spec.EntityType.GetProperty("Id")!.GetValue(e)!);
        var changed = 0;
        var externalId = KeyDerivable(spec) ? spec.EntityType.GetProperty("ExternalId") : null;
        var renamed = new List<(long Id, string? OldExternalId)>();
        foreach (var (id, fields) in rows)
        {
            if (!byId.TryGetValue(id, out var entity)) continue;
            var oldExternalId = externalId?.GetValue(entity) as string;
            var identity = (entity as Participant)?.Identity;
            if (entity is Participant p && identity is null && accessors.Any(a => a.OnIdentity && header.FieldOf[a.Index] >= 0 && fields[header.FieldOf[a.Index]].Length > 0))
            {
                identity = new ParticipantIdentity { Id = p.Id, OrganisationId = p.OrganisationId, LastName = "", FirstName = "" };
                p.Identity = identity;
            }
            Apply(spec, header, fields, entity, identity, accessors);
            if (entity is Referent r && header.FieldOf[IndexOf(spec, "programme_organisation_id")] >= 0 && r.OrganisationId == 0)
                r.OrganisationId = r.EmployerOrganisationId ?? r.OrganisationId;
            if (entity is Pathway pw && header.FieldOf[IndexOf(spec, "exit_step_id")] >= 0)
            {
                var slot = _indexes[spec.Name].Find(fields[header.FieldOf[0]].Trim());
                pw.ExitStepId = _exitStepOfPathway.TryGetValue(slot, out var exitKey)
                    ? _indexes[ExchangeSchema.Steps.Name].Ids[_indexes[ExchangeSchema.Steps.Name].Slots[exitKey]] : null;
            }
            identity?.RefreshSearchName();
            if (externalId is not null && externalId.GetValue(entity) as string != oldExternalId) renamed.Add((id, oldExternalId));
        }
        if (renamed.Count > 0) await SplitKeyRangesAsync(spec, renamed, ct);
        db.ChangeTracker.DetectChanges();
        changed = db.ChangeTracker.Entries().Count(e => e.State is EntityState.Modified or EntityState.Added);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return changed;
    }
}
