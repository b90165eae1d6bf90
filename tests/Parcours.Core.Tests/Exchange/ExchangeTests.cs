using System.Text;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Exchange;
using Parcours.Core.Tests.Support;
using Parcours.Core.Tests.Synthetic;

namespace Parcours.Core.Tests.Exchange;

/// <summary>
/// Import and export of exchange format v1 on one engine: round trip of a generated dataset, idempotence, updates
/// with audit, all-or-nothing on errors, mutated datasets, identity matching and the anonymised feed.
/// </summary>
public abstract class ExchangeTests(TestDatabase databases) : ExchangeTestBase(databases)
{
    [Fact]
    public async Task RoundTrip_GeneratedDataset_ImportThenExportGivesIdenticalFiles()
    {
        // Arrange
        var (_, dataset) = await GeneratedDatasetAsync(300);
        var target = Databases.NewEmpty("roundtrip");

        // Act
        var result = await DatasetFolder.ImportAsync(target, dataset);
        var again = Track(await DatasetFolder.ExportAsync(target));

        // Assert
        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Take(5)));
        Assert.True(result.Rows > 3000);
        foreach (var file in Directory.GetFiles(dataset, "*.csv"))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(again, Path.GetFileName(file))));
    }

    [Fact]
    public async Task RoundTrip_InBatchesOfSeven_EachBatchWrittenWhileTheNextIsMapped_GivesIdenticalFiles()
    {
        // Arrange: hundreds of batches per file, so that a batch is always being written while the next one is mapped,
        // into tables loaded without their indexes (PostgreSQL).
        var (_, dataset) = await GeneratedDatasetAsync(150, seed: 5);
        var target = Databases.NewEmpty("batches");

        // Act
        var result = await DatasetFolder.ImportAsync(target, dataset, new ImportOptions { BatchSize = 7, InitialLoadMinimumRows = 1 });
        var again = Track(await DatasetFolder.ExportAsync(target));

        // Assert
        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Take(5)));
        Assert.Equal(result.Rows, result.Created);
        foreach (var file in Directory.GetFiles(dataset, "*.csv"))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(again, Path.GetFileName(file))));
    }

    [Fact]
    public async Task RoundTrip_InitialLoadOfEmptyTables_RebuildsEverySchemaObjectAndGivesIdenticalFiles()
    {
        // Arrange: every table qualifies for the initial load (indexes and foreign keys dropped, then rebuilt).
        var (_, dataset) = await GeneratedDatasetAsync(200, seed: 11);
        var target = Databases.NewEmpty("initial-load");
        IReadOnlyList<string> before;
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
        {
            await new DatabaseMigrator(db).MigrateAsync();
            before = await SchemaSnapshot.ReadAsync(db);
        }

        // Act
        var result = await DatasetFolder.ImportAsync(target, dataset, new ImportOptions { InitialLoadMinimumRows = 1 });
        var again = Track(await DatasetFolder.ExportAsync(target));

        // Assert: the same tables, columns, indexes and foreign keys as before the load, and the same rows.
        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Take(5)));
        if (target.Engine == DatabaseEngine.Postgres) Assert.Contains("pathways_step", result.InitialLoadTables);
        else Assert.Empty(result.InitialLoadTables); // SQLite: plain inserts
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
            Assert.Equal(before, await SchemaSnapshot.ReadAsync(db));
        foreach (var file in Directory.GetFiles(dataset, "*.csv"))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(again, Path.GetFileName(file))));
    }

    [Fact]
    public async Task Import_ErrorInTheLastFile_DuringTheInitialLoad_NothingWrittenSchemaIntactSameReportOnBothEngines()
    {
        // On PostgreSQL the files nothing references are checked after the others are written, while their tables get
        // their indexes back: an error there rolls everything back, definitions included. The report is the one of
        // «check everything, then write» (SQLite), line for line.
        var (_, dataset) = await GeneratedDatasetAsync(200, seed: 11);
        var copy = Track(DatasetFolder.Copy(dataset));
        var line = DatasetFolder.Lines(copy, "appointments.csv").Count - 3;
        DatasetFolder.SetCell(copy, "appointments.csv", line, "convocation_rank", "12");
        DatasetFolder.Reseal(copy);
        var target = Databases.NewEmpty("error-last-file");
        IReadOnlyList<string> schema;
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
        {
            await new DatabaseMigrator(db).MigrateAsync();
            schema = await SchemaSnapshot.ReadAsync(db);
        }
        var counts = await DatasetFolder.CountsAsync(target);

        var result = await DatasetFolder.ImportAsync(target, copy, new ImportOptions { InitialLoadMinimumRows = 1 });
        using var sqlite = TestDatabase.Sqlite();
        var reference = await DatasetFolder.ImportAsync(sqlite.NewEmpty("error-last-file-reference"), copy);

        Assert.False(result.Imported);
        var error = Assert.Single(result.Report.Issues, i => i.Severity == IssueSeverity.Erreur);
        Assert.Equal(("appointments.csv", (int?)line, "convocation_rank", "VALUE_RANGE"), (error.File, error.Line, error.Column, error.Code));
        Assert.Equal(reference.Report.Sorted(), result.Report.Sorted());
        Assert.Equal(counts, await DatasetFolder.CountsAsync(target));
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
            Assert.Equal(schema, await SchemaSnapshot.ReadAsync(db));
    }

    [Fact]
    public async Task Import_ProducerOrganisationNotInTheDataset_ReportedNothingWritten()
    {
        var (_, dataset) = await GeneratedDatasetAsync(60);
        var copy = Track(DatasetFolder.Copy(dataset));
        var path = Path.Combine(copy, "manifest.json");
        var manifest = System.Text.Json.JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path))!;
        manifest.Producer.OrganisationId = "ORG-ABSENTE";
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(manifest, Manifest.Json));
        var target = Databases.NewEmpty("producer-absent");
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test"))) await new DatabaseMigrator(db).MigrateAsync();
        var counts = await DatasetFolder.CountsAsync(target);

        var result = await DatasetFolder.ImportAsync(target, copy, new ImportOptions { InitialLoadMinimumRows = 1 });

        Assert.False(result.Imported);
        var error = Assert.Single(result.Report.Issues, i => i.Severity == IssueSeverity.Erreur);
        Assert.Equal(("manifest.json", "producer.organisation_id", "REFERENCE_DANGLING"), (error.File, error.Column, error.Code));
        Assert.Equal(counts, await DatasetFolder.CountsAsync(target));
    }

    [Fact]
    public async Task Import_SameDatasetTwice_SecondTimeAcknowledgedAndNothingChanges()
    {
        var (_, dataset) = await GeneratedDatasetAsync(60);
        var target = Databases.NewEmpty("twice");
        Assert.True((await DatasetFolder.ImportAsync(target, dataset)).Imported);
        var before = await DatasetFolder.CountsAsync(target);

        var second = await DatasetFolder.ImportAsync(target, dataset);

        Assert.True(second.AlreadyImported);
        Assert.Contains(second.Report.Issues, i => i.Code == "DATASET_ALREADY_IMPORTED");
        Assert.Equal(before, await DatasetFolder.CountsAsync(target));
    }

    [Fact]
    public async Task Import_ImportedDatasetEditedWithoutItsManifest_NotTakenAsAlreadyImported_ReportsTheFileAndTheLine()
    {
        // A user imports a dataset, then fixes or breaks a cell by hand and imports the folder again: the manifest
        // still says «the same files», the bytes do not.
        var (_, dataset) = await GeneratedDatasetAsync(400);
        var target = Databases.NewEmpty("edited-after-import");
        Assert.True((await DatasetFolder.ImportAsync(target, dataset)).Imported);
        var before = await DatasetFolder.CountsAsync(target);
        var copy = Track(DatasetFolder.Copy(dataset));
        DatasetFolder.SetCell(copy, "steps.csv", 812, "employer_siret", "90112345500016");

        var second = await DatasetFolder.ImportAsync(target, copy);

        Assert.False(second.AlreadyImported);
        Assert.False(second.Imported);
        var errors = second.Report.Issues.Where(i => i.Severity == IssueSeverity.Erreur).Select(i => (i.File, i.Line, i.Column, i.Code)).ToList();
        Assert.Contains(("steps.csv", (int?)812, "employer_siret", "SIRET_CHECKSUM"), errors);
        Assert.Contains(("steps.csv", (int?)null, "", "CHECKSUM_MISMATCH"), errors);
        Assert.Equal(before, await DatasetFolder.CountsAsync(target));
    }

    [Fact]
    public async Task Import_NewDatasetWithSameRows_UpdatesNothingAndWritesNoRecordAudit()
    {
        var (_, dataset) = await GeneratedDatasetAsync(60);
        var target = Databases.NewEmpty("same-rows");
        Assert.True((await DatasetFolder.ImportAsync(target, dataset)).Imported);
        var before = await DatasetFolder.CountsAsync(target);
        var copy = Track(DatasetFolder.Copy(dataset));
        DatasetFolder.Reseal(copy);

        var result = await DatasetFolder.ImportAsync(target, copy);

        Assert.True(result.Imported);
        Assert.Equal((0, 0), (result.Created, result.Updated));
        var after = await DatasetFolder.CountsAsync(target);
        Assert.Equal(before["participants"], after["participants"]);
        Assert.Equal(before["steps"], after["steps"]);
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test"));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.EntityType != "Dataset"));
    }

    [Fact]
    public async Task Import_DatasetChangingAPathway_UpdatesItAndTheAuditLogSaysSo()
    {
        var (_, dataset) = await GeneratedDatasetAsync(60);
        var target = Databases.NewEmpty("update");
        Assert.True((await DatasetFolder.ImportAsync(target, dataset)).Imported);
        var copy = Track(DatasetFolder.Copy(dataset));
        var lines = File.ReadAllLines(Path.Combine(copy, "pathways.csv"));
        var header = lines[0].Split(',');
        var row = Array.FindIndex(lines, l => l.Split(',')[Array.IndexOf(header, "th_rqth")] == "0");
        var pathwayId = lines[row].Split(',')[0];
        DatasetFolder.SetCell(copy, "pathways.csv", row + 1, "th_rqth", "1");
        DatasetFolder.Reseal(copy);

        var result = await DatasetFolder.ImportAsync(target, copy);

        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Take(5)));
        Assert.Equal(1, result.Updated);
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test"));
        var pathway = await db.Pathways.IgnoreQueryFilters().SingleAsync(p => p.ExternalId == pathwayId);
        Assert.True(pathway.ThRqth);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "Pathway");
        Assert.Equal(pathway.Id, audit.EntityId);
        Assert.Contains("ThRqth", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SexOfAParticipantCorrected_TheirPathwaysCarryTheNewSex()
    {
        // Arrange: a generated dataset imported; every pathway carries the sex of its participant (the reports read it there).
        var (_, dataset) = await GeneratedDatasetAsync(60);
        var target = Databases.NewEmpty("sex");
        Assert.True((await DatasetFolder.ImportAsync(target, dataset)).Imported);
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
        {
            var pairs = await db.Pathways.IgnoreQueryFilters().Select(p => new { p.ParticipantSex, p.Participant!.Sex }).ToListAsync();
            Assert.NotEmpty(pairs);
            Assert.All(pairs, p => Assert.Equal(p.Sex, p.ParticipantSex));
        }
        // A woman without NIR (the NIR's first digit would contradict the new sex) is recorded as a man in a new dataset.
        var copy = Track(DatasetFolder.Copy(dataset));
        var lines = File.ReadAllText(Path.Combine(copy, "participants.csv")).Split("\r\n");
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var row = Array.FindIndex(lines, l => l.Split(',') is var c && c.Length == header.Length && c[Col("sex")] == "FEMME" && c[Col("nir")] == "");
        Assert.True(row > 0);
        var participantId = lines[row].Split(',')[Col("participant_id")];
        DatasetFolder.SetCell(copy, "participants.csv", row + 1, "sex", "HOMME");
        DatasetFolder.Reseal(copy);

        // Act
        var result = await DatasetFolder.ImportAsync(target, copy);

        // Assert
        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Take(5)));
        await using var check = ParcoursDatabase.Open(target, AccessScope.System("test"));
        var sexes = await check.Pathways.IgnoreQueryFilters().Where(p => p.Participant!.ExternalId == participantId)
            .Select(p => new { p.ParticipantSex, p.Participant!.Sex }).ToListAsync();
        Assert.NotEmpty(sexes);
        Assert.All(sexes, p => Assert.Equal((Domain.CodeLists.Sex.HOMME, Domain.CodeLists.Sex.HOMME), (p.Sex, p.ParticipantSex)));
    }

    [Fact]
    public async Task Import_BadSiretOnOneStep_WritesNothingAndReportsFileLineColumn()
    {
        var (_, dataset) = await GeneratedDatasetAsync(400);
        var target = Databases.NewEmpty("bad-siret");
        var before = await DatasetFolder.CountsAsync(target);
        var copy = Track(DatasetFolder.Copy(dataset));
        Assert.True(File.ReadAllLines(Path.Combine(copy, "steps.csv")).Length > 812);
        DatasetFolder.SetCell(copy, "steps.csv", 812, "employer_siret", "90112345500016");
        DatasetFolder.Reseal(copy);

        var result = await DatasetFolder.ImportAsync(target, copy);

        Assert.False(result.Imported);
        var error = Assert.Single(result.Report.Issues, i => i.Severity == IssueSeverity.Erreur);
        Assert.Equal(("steps.csv", 812, "employer_siret", "SIRET_CHECKSUM"), (error.File, error.Line, error.Column, error.Code));
        Assert.Equal("Le SIRET ne respecte pas sa clé de contrôle.", error.MessageFr);
        Assert.Equal(before, await DatasetFolder.CountsAsync(target));
        var report = new MemoryStream();
        result.Report.WriteCsv(report);
        var text = Encoding.UTF8.GetString(report.ToArray());
        Assert.StartsWith("\uFEFFseverity,file,line,column,record_id,code,message_fr,message_en\r\n", text, StringComparison.Ordinal);
        Assert.Contains("ERREUR,steps.csv,812,employer_siret,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FiftyMutatedDatasets_NeverCrashAndNeverWrite()
    {
        var (_, dataset) = await GeneratedDatasetAsync(40);
        var target = Databases.NewEmpty("mutations");
        var before = await DatasetFolder.CountsAsync(target);
        var random = new Random(2024);
        var files = Directory.GetFiles(dataset, "*.csv").Select(Path.GetFileName).ToArray();

        for (var n = 0; n < 50; n++)
        {
            var copy = DatasetFolder.Copy(dataset);
            try
            {
                var file = Path.Combine(copy, files[random.Next(files.Length)]!);
                var kind = Mutations.Apply(file, n % Mutations.Count, random);
                if (n % 5 != 4) DatasetFolder.Reseal(copy); // one in five keeps a stale manifest
                var result = await DatasetFolder.ImportAsync(target, copy);

                Assert.False(result.Imported, $"mutation {n} ({kind}) of {Path.GetFileName(file)} was imported");
                Assert.True(result.Report.HasErrors, $"mutation {n} ({kind}) gave no error");
                Assert.Equal(before, await DatasetFolder.CountsAsync(target));
            }
            finally
            {
                Directory.Delete(copy, true);
            }
        }
    }

    [Fact]
    public async Task AnonymisedExport_HoldsNoIdentityValueOfTheSourceDatabase()
    {
        var (source, _) = await Generation.GenerateAsync(Databases, 200, 11);
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        var feed = Track(await DatasetFolder.ExportAsync(source, new ExportOptions { Anonymised = true, PseudonymKey = key }));

        var cells = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(feed))
        {
            var content = File.ReadAllText(file);
            text.Append(content);
            foreach (var line in content.Split("\r\n")) foreach (var cell in line.Split(',')) cells.Add(cell);
        }
        var all = text.ToString();
        await using var db = ParcoursDatabase.Open(source, AccessScope.System("test"));
        var identities = await db.Identities.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var referents = await db.Referents.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var participants = await db.Participants.IgnoreQueryFilters().AsNoTracking().Select(p => p.ExternalId).ToListAsync();
        var pathways = await db.Pathways.IgnoreQueryFilters().AsNoTracking().Select(p => p.ExternalId).ToListAsync();
        var organisations = await db.Organisations.AsNoTracking().Select(o => o.Name).ToListAsync();
        Assert.NotEmpty(identities);
        foreach (var i in identities)
        {
            foreach (var value in new[] { i.LastName, i.FirstName, i.BirthName, i.AddressLine })
                if (!string.IsNullOrEmpty(value)) Assert.DoesNotContain(value, cells);
            foreach (var value in new[] { i.Nir, i.Phone, i.Email, i.FranceTravailId, i.CafNumber, i.BirthDate?.ToString("yyyy-MM-dd") })
                if (!string.IsNullOrEmpty(value)) Assert.DoesNotContain(value, all, StringComparison.Ordinal);
        }
        foreach (var r in referents)
        {
            Assert.DoesNotContain(r.LastName, cells);
            if (r.Email is not null) Assert.DoesNotContain(r.Email, all, StringComparison.Ordinal);
            Assert.DoesNotContain(r.ExternalId!, cells);
        }
        foreach (var id in participants.Concat(pathways)) Assert.DoesNotContain(id!, cells);
        foreach (var name in organisations) Assert.DoesNotContain(name, cells);
        Assert.DoesNotContain("x_", all, StringComparison.Ordinal);
        Assert.Equal("participant_id,sex,birth_year", File.ReadLines(Path.Combine(feed, "participants.csv")).First());
    }

    [Fact]
    public async Task AnonymisedFeed_SamePersonSamePseudonymInEveryYearlyFeed_AndFeedImports()
    {
        var (source, _) = await Generation.GenerateAsync(Databases, 150, 12);
        var key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        var y2024 = Track(await DatasetFolder.ExportAsync(source, new ExportOptions { Anonymised = true, PseudonymKey = key, OrganisationCode = "PLIE-59", From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 12, 31) }));
        var y2025 = Track(await DatasetFolder.ExportAsync(source, new ExportOptions { Anonymised = true, PseudonymKey = key, OrganisationCode = "PLIE-59", From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 11, 14) }));

        var a = File.ReadLines(Path.Combine(y2024, "participants.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        var b = File.ReadLines(Path.Combine(y2025, "participants.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.NotEmpty(a.Intersect(b)); // people followed over both years keep their pseudonym

        var warehouse = Databases.NewEmpty("warehouse");
        var result = await DatasetFolder.ImportAsync(warehouse, y2024);
        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Take(5)));
    }

    [Fact]
    public async Task Import_ParticipantKnownByNirUnderAnotherId_IsMatchedNotDuplicated()
    {
        var (_, dataset) = await GeneratedDatasetAsync(30);
        var target = Databases.NewEmpty("nir");
        Assert.True((await DatasetFolder.ImportAsync(target, dataset)).Imported);
        var before = await DatasetFolder.CountsAsync(target);
        // The same people sent again under other local ids: every participant_id (and its references) renamed.
        var copy = Track(DatasetFolder.Copy(dataset));
        foreach (var file in new[] { "participants.csv", "pathways.csv", "clause_hours.csv" })
        {
            var path = Path.Combine(copy, file);
            var lines = File.ReadAllLines(path);
            var column = Array.IndexOf(lines[0].Split(','), "participant_id");
            for (var i = 1; i < lines.Length; i++)
            {
                var cells = lines[i].Split(',');
                cells[column] = "X" + cells[column];
                lines[i] = string.Join(',', cells);
            }
            File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
        }
        DatasetFolder.Reseal(copy);

        var result = await DatasetFolder.ImportAsync(target, copy);

        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Take(5)));
        var after = await DatasetFolder.CountsAsync(target);
        Assert.Equal(before["participants"], after["participants"]);
    }

    [Fact]
    public async Task Import_NewRecordsGetKeyRanges_AndAPersonMatchedByAnotherProducerKeepsTheFirstProducersKey()
    {
        // Arrange: producer A's dataset imported into an empty database.
        var (_, dataset) = await GeneratedDatasetAsync(30, seed: 5);
        var target = Databases.NewEmpty("key-ranges");
        var first = await DatasetFolder.ImportAsync(target, dataset);
        Assert.True(first.Imported, string.Join("\n", first.Report.Issues.Take(5)));
        var before = await DatasetFolder.CountsAsync(target);
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
        {
            // Only the files whose local id is not kept as the external id (monthly reports: action and month) need key rows.
            Assert.Equal(before["monthly_reports"], await db.Set<ExchangeRecordKey>().LongCountAsync());
            Assert.NotEmpty(await db.Set<ExchangeKeyRange>().ToListAsync());
        }
        Assert.Equal(first.Rows - before["organisations"], before["keys"]);
        // Producer B sends the same people under other participant ids: matched by NIR or name, their external id changes.
        var other = Track(DatasetFolder.Copy(dataset));
        foreach (var file in Directory.GetFiles(other, "*.csv").Where(f => Path.GetFileName(f) != "participants.csv")) File.Delete(file);
        var participants = Path.Combine(other, "participants.csv");
        var lines = File.ReadAllLines(participants);
        for (var i = 1; i < lines.Length; i++) lines[i] = "X" + lines[i];
        File.WriteAllText(participants, string.Join("\r\n", lines) + "\r\n");
        DatasetFolder.SetProducer(other, "AUTRE-21", onlyFiles: ["participants.csv"]);
        DatasetFolder.Reseal(other);
        var fromB = await DatasetFolder.ImportAsync(target, other);
        Assert.True(fromB.Imported, string.Join("\n", fromB.Report.Issues.Take(5)));
        Assert.Equal(before["participants"], (await DatasetFolder.CountsAsync(target))["participants"]);
        var again = Track(DatasetFolder.Copy(dataset));
        DatasetFolder.Reseal(again);

        // Act: A sends its dataset again, without identity matching: only its keys can recognise its participants.
        var result = await DatasetFolder.ImportAsync(target, again, new ImportOptions { MatchByNir = false, MatchByName = false });

        // Assert: nothing created; A's participants take back A's ids.
        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Take(5)));
        Assert.Equal(0, result.Created);
        Assert.Equal(before["participants"], (await DatasetFolder.CountsAsync(target))["participants"]);
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
            Assert.Equal(0, await db.Participants.IgnoreQueryFilters().CountAsync(p => p.ExternalId!.StartsWith("X")));
    }

    [Fact]
    public async Task Import_SameBarrierTwiceUnderAnotherId_IsADuplicateOnItsLine()
    {
        // Arrange: the first barrier sent again under a new barrier_id (same pathway, code and date).
        var (_, dataset) = await GeneratedDatasetAsync(40, seed: 3);
        var copy = Track(DatasetFolder.Copy(dataset));
        var lines = DatasetFolder.Lines(copy, "barriers.csv");
        Assert.True(lines.Count > 1);
        var cells = lines[1].Split(',');
        cells[0] = "BDOUBLE";
        var line = DatasetFolder.AppendRows(copy, "barriers.csv", string.Join(',', cells));
        var target = Databases.NewEmpty("barrier-twice");

        // Act
        var result = await DatasetFolder.ImportAsync(target, copy);

        // Assert
        Assert.False(result.Imported);
        var issue = Assert.Single(result.Report.Issues, i => i.Code == "ID_DUPLICATE");
        Assert.Equal(("barriers.csv", (int?)line, "barrier_code", "BDOUBLE"), (issue.File, issue.Line, issue.Column, issue.RecordId));
    }

    [Fact]
    public async Task Import_CerAndPpaeOfOnePersonAtTheSameTime_WarnOnTheSecond()
    {
        // Arrange: a CER then a PPAE over the same months for the pathway of one participant.
        var (_, dataset) = await GeneratedDatasetAsync(20, seed: 4);
        var copy = Track(DatasetFolder.Copy(dataset));
        var pathways = File.ReadAllLines(Path.Combine(copy, "pathways.csv"));
        var header = pathways[0].Split(',');
        var pathway = pathways.Skip(1).Select(l => l.Split(',')).First(c => c[Array.IndexOf(header, "entry_date")].Length > 0 && c[Array.IndexOf(header, "exit_date")].Length == 0);
        var entry = DateOnly.Parse(pathway[Array.IndexOf(header, "entry_date")], System.Globalization.CultureInfo.InvariantCulture);
        var start = entry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var end = entry.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var ppaeLine = DatasetFolder.AppendRows(copy, "contracts.csv",
            $"CXCER,{pathway[0]},CER,{start},{start},{end},,,,",
            $"CXPPAE,{pathway[0]},PPAE,{start},{start},{end},,,,");
        var target = Databases.NewEmpty("cer-ppae");

        // Act
        var result = await DatasetFolder.ImportAsync(target, copy);

        // Assert: imported, with the overlap reported on the PPAE's line.
        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Where(i => i.Severity == IssueSeverity.Erreur).Take(5)));
        var overlap = Assert.Single(result.Report.Issues, i => i.Code == "CONTRACTS_OVERLAP");
        Assert.Equal(("contracts.csv", (int?)ppaeLine, "CXPPAE"), (overlap.File, overlap.Line, overlap.RecordId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_StepEndingAfterItsPathwaysExit_OnlyTheExitStepMay(bool exitStep)
    {
        // Arrange: a step of an exited pathway made to end the day after the exit; the pathway's exit step, or another.
        var (_, dataset) = await GeneratedDatasetAsync(120, seed: 5);
        var copy = Track(DatasetFolder.Copy(dataset));
        var pathways = File.ReadAllLines(Path.Combine(copy, "pathways.csv"));
        var pathwayHeader = pathways[0].Split(',');
        int PathwayColumn(string name) => Array.IndexOf(pathwayHeader, name);
        var steps = File.ReadAllLines(Path.Combine(copy, "steps.csv"));
        var stepHeader = steps[0].Split(',');
        var stepRows = steps.Skip(1).Select(l => l.Split(',')).ToList();
        var (pathway, line) = pathways.Skip(1).Select(l => l.Split(','))
            .Where(c => c[PathwayColumn("exit_step_id")].Length > 0 && string.CompareOrdinal(c[PathwayColumn("exit_date")], "2024-01-01") < 0)
            .Select(c => (Pathway: c, Step: stepRows.FindIndex(st => st[1] == c[0] && (st[0] == c[PathwayColumn("exit_step_id")]) == exitStep)))
            .Where(x => x.Step >= 0).Select(x => (x.Pathway, Line: x.Step + 2)).First();
        var exit = DateOnly.ParseExact(pathway[PathwayColumn("exit_date")], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var step = stepRows[line - 2];
        Assert.True(string.CompareOrdinal(step[Array.IndexOf(stepHeader, "start_date")], pathway[PathwayColumn("exit_date")]) <= 0);
        DatasetFolder.SetCell(copy, "steps.csv", line, "end_date", exit.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        DatasetFolder.Reseal(copy);
        var target = Databases.NewEmpty("step-after-exit");

        // Act
        var result = await DatasetFolder.ImportAsync(target, copy);

        // Assert: S1 reported on the end date of any step but the exit step.
        var outside = result.Report.Issues.Where(i => i.Code == "STEP_OUTSIDE_PATHWAY").ToList();
        if (exitStep) Assert.Empty(outside);
        else
        {
            var issue = Assert.Single(outside);
            Assert.Equal(("steps.csv", (int?)line, "end_date", step[0]), (issue.File, issue.Line, issue.Column, issue.RecordId));
            Assert.False(result.Imported);
        }
    }

    [Fact]
    public async Task Import_AppointmentIdSentTwice_ReportedOnTheSecondLine()
    {
        // Arrange: an appointment sent again at the end of its file (the new keys of such a file are only checked for duplicates).
        var (_, dataset) = await GeneratedDatasetAsync(60, seed: 6);
        var copy = Track(DatasetFolder.Copy(dataset));
        var lines = DatasetFolder.Lines(copy, "appointments.csv");
        Assert.True(lines.Count > 10);
        var twice = lines[lines.Count / 2];
        var line = DatasetFolder.AppendRows(copy, "appointments.csv", twice);
        var target = Databases.NewEmpty("appointment-twice");

        // Act
        var result = await DatasetFolder.ImportAsync(target, copy);

        // Assert
        Assert.False(result.Imported);
        var issue = Assert.Single(result.Report.Issues, i => i.Code == "ID_DUPLICATE");
        Assert.Equal(("appointments.csv", (int?)line, "appointment_id", twice.Split(',')[0]), (issue.File, issue.Line, issue.Column, issue.RecordId));
        Assert.Equal(0, (await DatasetFolder.CountsAsync(target))["participants"]);
    }

    [Fact]
    public async Task Import_ManifestDigestWrong_ChecksumMismatchAndNothingWritten()
    {
        var (_, dataset) = await GeneratedDatasetAsync(20);
        var copy = Track(DatasetFolder.Copy(dataset));
        File.AppendAllText(Path.Combine(copy, "barriers.csv"), "");
        var manifest = File.ReadAllText(Path.Combine(copy, "manifest.json"));
        var sha = System.Text.RegularExpressions.Regex.Match(manifest, "\"name\": \"barriers.csv\",\\s*\"rows\": \\d+,\\s*\"sha256\": \"([0-9a-f]{64})\"").Groups[1].Value;
        File.WriteAllText(Path.Combine(copy, "manifest.json"), manifest.Replace(sha, new string('0', 64), StringComparison.Ordinal));
        var target = Databases.NewEmpty("checksum");

        var result = await DatasetFolder.ImportAsync(target, copy);

        Assert.False(result.Imported);
        Assert.Contains(result.Report.Issues, i => i.Code == "CHECKSUM_MISMATCH" && i.File == "barriers.csv");
        Assert.Equal(0, (await DatasetFolder.CountsAsync(target))["participants"]);
    }
}

public sealed class SqliteExchangeTests() : ExchangeTests(TestDatabase.Sqlite());

public sealed class PostgresExchangeTests() : ExchangeTests(TestDatabase.Postgres());
