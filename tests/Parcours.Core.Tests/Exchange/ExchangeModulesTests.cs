using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Exchange;
using Parcours.Core.Tests.Support;
using Parcours.Core.Tests.Synthetic;

namespace Parcours.Core.Tests.Exchange;

/// <summary>
/// The files of the exchange modules (operations, financings, actions, monthly reports, clause markets and hours),
/// deletions.csv, pseudonym_rekey.csv and the Excel-friendly export, on one engine.
/// </summary>
public abstract class ExchangeModulesTests(TestDatabase databases) : ExchangeTestBase(databases)
{
    private static string[] Cells(string folder, string file, int line) => File.ReadAllText(Path.Combine(folder, file)).Split("\r\n")[line - 1].Split(',');

    private static int Column(string folder, string file, string column) => Array.IndexOf(Cells(folder, file, 1), column);

    /// <summary>The first data line (1 = header) of a file whose cell in <paramref name="column"/> satisfies the predicate.</summary>
    private static int LineWhere(string folder, string file, string column, Func<string, bool> predicate)
    {
        var lines = File.ReadAllText(Path.Combine(folder, file)).Split("\r\n");
        var index = Array.IndexOf(lines[0].Split(','), column);
        for (var i = 1; i < lines.Length; i++)
            if (lines[i].Length > 0 && predicate(lines[i].Split(',')[index])) return i + 1;
        throw new InvalidOperationException($"No line of {file} matches.");
    }

    [Fact]
    public async Task RoundTrip_GeneratedDataset_EveryFileHasRowsAndTheNewFilesComeBackIdentical()
    {
        var (_, dataset) = await GeneratedDatasetAsync(250);
        var target = Databases.NewEmpty("modules-roundtrip");

        var result = await DatasetFolder.ImportAsync(target, dataset);
        var again = Track(await DatasetFolder.ExportAsync(target));

        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Where(i => i.Severity == IssueSeverity.Erreur).Take(5)));
        foreach (var spec in ExchangeSchema.Files)
        {
            var rows = File.ReadAllLines(Path.Combine(dataset, spec.Name)).Length - 1;
            Assert.True(rows > 0, $"{spec.Name} has no row: the generator must cover every file");
            Assert.Equal(File.ReadAllBytes(Path.Combine(dataset, spec.Name)), File.ReadAllBytes(Path.Combine(again, spec.Name)));
        }
        var counts = await DatasetFolder.CountsAsync(target);
        Assert.Equal(File.ReadAllLines(Path.Combine(dataset, "monthly_reports.csv")).Length - 1, counts["monthly_reports"]);
        Assert.Equal(File.ReadAllLines(Path.Combine(dataset, "clause_hours.csv")).Length - 1, counts["clause_hours"]);
        // Columns stored since the exchange modules: the organisations' intermediate body and national code come back.
        Assert.Contains(",PLIE-59-NAT,", File.ReadAllText(Path.Combine(again, "organisations.csv")), StringComparison.Ordinal);
    }

    private string WorkedExample() => Track(DatasetFolder.Copy(Path.Combine(AppContext.BaseDirectory, "Exchange", "Datasets", "worked-example")));

    [Fact]
    public async Task WorkedExampleOfTheSpec_Imports_WithOnlyTheWarningsOfItsDeletions()
    {
        var target = Databases.NewEmpty("worked-example");

        var result = await DatasetFolder.ImportAsync(target, WorkedExample());

        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Take(5)));
        // §10.3: AP0 and the April report of A1 were «sent by mistake in an earlier dataset»: unknown in an empty installation.
        Assert.Equal([("deletions.csv", 2, "DELETE_UNKNOWN"), ("deletions.csv", 3, "DELETE_UNKNOWN")], result.Report.Sorted().Select(i => (i.File, i.Line!.Value, i.Code)));
        var counts = await DatasetFolder.CountsAsync(target);
        Assert.Equal((3L, 5L, 3L, 3L, 3L, 3L), (counts["operations"], counts["financings"], counts["actions"], counts["monthly_reports"], counts["clause_markets"], counts["clause_hours"]));
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test"));
        var plie = await db.Organisations.SingleAsync(o => o.Code == "ORG2");
        Assert.Equal("PLIE-EX", plie.NationalCode);
        Assert.Equal((await db.Organisations.SingleAsync(o => o.Code == "ORG3")).Id, plie.IntermediateBodyId);
    }

    [Fact]
    public async Task WorkedExampleOfTheSpec_ErrorReportOf10_5()
    {
        var target = Databases.NewEmpty("worked-example-errors");
        var before = await DatasetFolder.CountsAsync(target);
        var copy = WorkedExample();
        DatasetFolder.SetCell(copy, "steps.csv", 4, "employer_siret", "90334567600015");
        DatasetFolder.SetCell(copy, "pathways.csv", 4, "public_category", "RSA_SOCLE");
        DatasetFolder.SetCell(copy, "barriers.csv", 3, "pathway_id", "PA7");
        DatasetFolder.SetCell(copy, "operations.csv", 3, "total_cost", "42000.00");
        DatasetFolder.Reseal(copy);

        var result = await DatasetFolder.ImportAsync(target, copy);

        Assert.False(result.Imported);
        Assert.Equal(3, result.Report.ErrorCount);
        var report = new MemoryStream();
        result.Report.WriteCsv(report);
        var lines = Encoding.UTF8.GetString(report.ToArray()).Split("\r\n");
        string[] expected =
        [
            "ERREUR,barriers.csv,3,pathway_id,B2,REFERENCE_DANGLING,pathway_id = PA7 ne correspond à aucun enregistrement de pathways.csv.,pathway_id = PA7 matches no record of pathways.csv.",
            "AVERTISSEMENT,operations.csv,3,total_cost,OP2,FINANCING_UNBALANCED,La somme des financements (40000.00) diffère du coût total (42000.00).,\"The financings add up to 40000.00, not to the total cost (42000.00).\"",
            "ERREUR,pathways.csv,4,public_category,PA3,CODE_UNKNOWN,Le code RSA_SOCLE n'appartient pas à la liste CATEGORIE_PUBLIC.,Code RSA_SOCLE is not in list CATEGORIE_PUBLIC.",
            "ERREUR,steps.csv,4,employer_siret,S3,SIRET_CHECKSUM,Le SIRET ne respecte pas sa clé de contrôle.,The SIRET fails its check digit.",
        ];
        Assert.Equal(expected, lines.Where(l => !l.Contains("DELETE_UNKNOWN", StringComparison.Ordinal) && !l.Contains("severity,", StringComparison.Ordinal) && l.Length > 0));
        Assert.Equal(before, await DatasetFolder.CountsAsync(target));
    }

    public static TheoryData<string, string, string, string, string> BadCells => new()
    {
        // file, column, bad value, expected code, expected French message
        { "operations.csv", "total_cost", "12.505", "VALUE_TYPE", "Valeur invalide : montant positif à deux décimales au plus attendu." },
        { "financings.csv", "nature", "INDIRECT", "VALUE_INCONSISTENT", "Valeurs incohérentes : un financement FSE est toujours direct." },
        { "actions.csv", "funder_organisation_id", "PLIE-59", "REFERENCE_KIND", "L'enregistrement référencé n'est pas du type attendu (DEPARTEMENT)." },
        { "monthly_reports.csv", "entries", "-1", "VALUE_RANGE", "Valeur hors des bornes autorisées (≥ 0)." },
        { "clause_markets.csv", "awardee_siret", "90112345500016", "SIRET_CHECKSUM", "Le SIRET ne respecte pas sa clé de contrôle." },
        { "clause_hours.csv", "market_id", "M-INCONNU", "REFERENCE_DANGLING", "market_id = M-INCONNU ne correspond à aucun enregistrement de clause_markets.csv." },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public async Task Import_OneBadCellInANewFile_ReportsFileLineColumnAndCode_AndWritesNothing(string file, string column, string value, string code, string message)
    {
        var (_, dataset) = await GeneratedDatasetAsync(60);
        var target = Databases.NewEmpty("bad-" + Path.GetFileNameWithoutExtension(file));
        var before = await DatasetFolder.CountsAsync(target);
        var copy = Track(DatasetFolder.Copy(dataset));
        var line = file == "financings.csv" ? LineWhere(copy, file, "funder_kind", k => k == "FSE") : 2;
        var cells = Cells(copy, file, line);
        var recordId = file == "monthly_reports.csv" ? $"{cells[0]}|{cells[1]}" : cells[0];
        DatasetFolder.SetCell(copy, file, line, column, value);
        DatasetFolder.Reseal(copy);

        var result = await DatasetFolder.ImportAsync(target, copy);

        Assert.False(result.Imported);
        var error = Assert.Single(result.Report.Issues, i => i.Severity == IssueSeverity.Erreur);
        Assert.Equal((file, line, column, recordId, code), (error.File, error.Line!.Value, error.Column, error.RecordId, error.Code));
        Assert.Equal(message, error.MessageFr);
        Assert.Equal(before, await DatasetFolder.CountsAsync(target));
    }

    public static TheoryData<string, string, string, string, string, string, bool> RuleCases => new()
    {
        // file, column and value (a prefix; "" = an empty cell) that pick the line, column set, value set, expected code, is an error
        { "steps.csv", "operation_id", "OP-", "financed_by_programme", "0", "FUNDING_FLAG_MISMATCH", false },
        { "steps.csv", "action_id", "", "exit_reason", "ABANDON", "VALUE_INCONSISTENT", true },
        { "steps.csv", "contract_type", "CDDI", "contract_months", "", "VALUE_REQUIRED", true },
        { "pathways.csv", "exit_date", "", "situation_4w", "EMPLOI_SALARIE", "VALUE_INCONSISTENT", true },
        { "pathways.csv", "exit_reason", "EMPLOI_DURABLE", "exit_reason", "FORMATION_QUALIFIANTE", "VALUE_INCONSISTENT", true },
        { "pathways.csv", "exit_reason", "EMPLOI_DURABLE", "exit_step_id", "", "POSITIVE_EXIT_WITHOUT_STEP", false },
        { "contracts.csv", "signed_on", "2025", "kind", "CER", "CONTRACT_KIND_SUPERSEDED", false },
        { "organisations.csv", "organisation_id", "PLIE-59", "intermediate_body_id", "PLIE-21", "REFERENCE_KIND", true },
        { "organisations.csv", "organisation_id", "PLIE-59", "national_code", "plie-59", "VALUE_TYPE", true },
        { "clause_markets.csv", "legal_basis", "CONDITION_EXECUTION", "hours_required", "", "CLAUSE_HOURS_MISSING", false },
        { "actions.csv", "funding_mode", "FORFAIT_PAR_PLACE_PRORATA", "annual_amount", "1.00", "AMOUNT_MISMATCH", false },
    };

    [Theory]
    [MemberData(nameof(RuleCases))]
    public async Task Import_RuleOfTheSpec_ReportedOnTheLineAndColumn(string file, string pickColumn, string pickValue, string column, string value, string code, bool error)
    {
        var (_, dataset) = await GeneratedDatasetAsync(120, 8);
        var target = Databases.NewEmpty("rule-" + code.ToLowerInvariant());
        var copy = Track(DatasetFolder.Copy(dataset));
        var line = LineWhere(copy, file, pickColumn, cell => pickValue.Length == 0 ? cell.Length == 0 : cell.StartsWith(pickValue, StringComparison.Ordinal));
        DatasetFolder.SetCell(copy, file, line, column, value);
        DatasetFolder.Reseal(copy);

        var result = await DatasetFolder.ImportAsync(target, copy);

        var issue = Assert.Single(result.Report.Issues, i => i.Code == code && i.File == file && i.Line == line);
        Assert.Equal(column, issue.Column);
        Assert.Equal(error ? IssueSeverity.Erreur : IssueSeverity.Avertissement, issue.Severity);
        Assert.Equal(!error, result.Imported);
        if (error) Assert.Equal(1, result.Report.ErrorCount);
    }

    [Fact]
    public async Task Import_TwoOverlappingEnteredPathwaysOfOnePerson_P3ValueInconsistent()
    {
        var (_, dataset) = await GeneratedDatasetAsync(60);
        var copy = Track(DatasetFolder.Copy(dataset));
        var path = Path.Combine(copy, "pathways.csv");
        var lines = File.ReadAllText(path).Split("\r\n").Where(l => l.Length > 0).ToList();
        var status = Array.IndexOf(lines[0].Split(','), "status");
        var cells = lines[lines.FindIndex(1, l => l.Split(',')[status] == "ENTRE")].Split(',');
        cells[0] += "-BIS"; // the same person, programme, scheme and dates under another pathway id
        lines.Add(string.Join(',', cells));
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
        DatasetFolder.Reseal(copy);

        var result = await DatasetFolder.ImportAsync(Databases.NewEmpty("p3"), copy);

        Assert.False(result.Imported);
        var error = Assert.Single(result.Report.Issues, i => i.Severity == IssueSeverity.Erreur);
        Assert.Equal(("pathways.csv", lines.Count, "entry_date", "VALUE_INCONSISTENT", cells[0]), (error.File, error.Line!.Value, error.Column, error.Code, error.RecordId));
    }

    /// <summary>A dataset of the same producer holding only deletions.csv, produced after <paramref name="after"/>.</summary>
    private string DeletionDataset(string after, string deletions)
    {
        var folder = Track(DatasetFolder.NewFolder());
        File.WriteAllText(Path.Combine(folder, "deletions.csv"), "file,id,month\r\n" + deletions);
        var source = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(Path.Combine(after, "manifest.json")))!;
        var produced = DateTimeOffset.Parse(source.ProducedAt, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(5);
        var manifest = new Manifest
        {
            Producer = source.Producer, Period = source.Period, ProducedAt = produced.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            Files = [new ManifestFile { Name = "deletions.csv" }],
        };
        File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest, Manifest.Json));
        DatasetFolder.Reseal(folder);
        return folder;
    }

    [Fact]
    public async Task Deletions_DeleteTheRecords_AuditEach_AndARepeatOnlyWarns()
    {
        var (_, dataset) = await GeneratedDatasetAsync(80);
        var target = Databases.NewEmpty("deletions");
        Assert.True((await DatasetFolder.ImportAsync(target, dataset)).Imported);
        var before = await DatasetFolder.CountsAsync(target);
        var report = Cells(dataset, "monthly_reports.csv", 2);
        var hours = Cells(dataset, "clause_hours.csv", 2)[0];
        var financing = Cells(dataset, "financings.csv", 2)[0];
        var deletions = $"monthly_reports.csv,{report[0]},{report[1]}\r\nclause_hours.csv,{hours},\r\nfinancings.csv,{financing},\r\n";
        var first = DeletionDataset(dataset, deletions);

        var result = await DatasetFolder.ImportAsync(target, first);

        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Take(5)));
        Assert.Equal(3, result.Deleted);
        var after = await DatasetFolder.CountsAsync(target);
        Assert.Equal(before["monthly_reports"] - 1, after["monthly_reports"]);
        Assert.Equal(before["clause_hours"] - 1, after["clause_hours"]);
        Assert.Equal(before["financings"] - 1, after["financings"]);
        Assert.Equal(before["keys"] - 3, after["keys"]);
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
        {
            var audit = await db.AuditEntries.Where(a => a.Action == "Deleted").OrderBy(a => a.EntityType).ToListAsync();
            Assert.Equal(["ClauseHours", "Financing", "MonthlyReport"], audit.Select(a => a.EntityType));
            Assert.All(audit, a => Assert.Contains("\"file\":\"", a.Changes, StringComparison.Ordinal));
            Assert.Contains(audit, a => a.Changes!.Contains($"\"id\":\"{hours}\"", StringComparison.Ordinal) && a.Changes.Contains("\"line\":3", StringComparison.Ordinal));
        }

        // The same deletions again, in a later dataset: nothing left to delete, three warnings, still imported.
        var repeat = DeletionDataset(first, deletions);
        var again = await DatasetFolder.ImportAsync(target, repeat);

        Assert.True(again.Imported);
        Assert.Equal(3, again.Report.Issues.Count(i => i.Code == "DELETE_UNKNOWN" && i.Severity == IssueSeverity.Avertissement));
        var final = await DatasetFolder.CountsAsync(target);
        Assert.All(after.Where(k => k.Key != "datasets"), k => Assert.Equal(k.Value, final[k.Key]));
    }

    [Fact]
    public async Task Deletions_OfARecordStillReferenced_DeleteConflictAndNothingDeleted()
    {
        var (_, dataset) = await GeneratedDatasetAsync(60);
        var target = Databases.NewEmpty("delete-conflict");
        Assert.True((await DatasetFolder.ImportAsync(target, dataset)).Imported);
        var before = await DatasetFolder.CountsAsync(target);
        // An operation whose financings stay, and a market that keeps its hours.
        var operation = Cells(dataset, "financings.csv", 2)[Column(dataset, "financings.csv", "operation_id")];
        var market = Cells(dataset, "clause_hours.csv", 2)[Column(dataset, "clause_hours.csv", "market_id")];
        var deletions = DeletionDataset(dataset, $"operations.csv,{operation},\r\nclause_markets.csv,{market},\r\n");

        var result = await DatasetFolder.ImportAsync(target, deletions);

        Assert.False(result.Imported);
        var conflicts = result.Report.Issues.Where(i => i.Code == "DELETE_CONFLICT").ToList();
        Assert.Equal([("deletions.csv", 2, operation), ("deletions.csv", 3, market)], conflicts.Select(c => (c.File, c.Line!.Value, c.RecordId)));
        Assert.Equal($"L'enregistrement {operation} est supprimé alors qu'il est fourni ou encore référencé.", conflicts[0].MessageFr);
        Assert.Equal(before, await DatasetFolder.CountsAsync(target));
    }

    [Fact]
    public async Task Deletions_OfARecordSuppliedInTheSameDataset_DeleteConflict()
    {
        var (_, dataset) = await GeneratedDatasetAsync(40);
        var target = Databases.NewEmpty("delete-supplied");
        Assert.True((await DatasetFolder.ImportAsync(target, dataset)).Imported);
        var copy = Track(DatasetFolder.Copy(dataset));
        var hours = Cells(copy, "clause_hours.csv", 2)[0];
        File.WriteAllText(Path.Combine(copy, "deletions.csv"), $"file,id,month\r\nclause_hours.csv,{hours},\r\n");
        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(Path.Combine(copy, "manifest.json")))!;
        manifest.Files.Add(new ManifestFile { Name = "deletions.csv" });
        File.WriteAllText(Path.Combine(copy, "manifest.json"), JsonSerializer.Serialize(manifest, Manifest.Json));
        DatasetFolder.Reseal(copy);

        var result = await DatasetFolder.ImportAsync(target, copy);

        Assert.False(result.Imported);
        Assert.Contains(result.Report.Issues, i => (i.File, i.Line, i.Code) == ("clause_hours.csv", 2, "DELETE_CONFLICT"));
    }

    [Fact]
    public async Task AnonymisedFeed_CarriesTheModuleFilesWithoutTheirFreeText()
    {
        var (source, _) = await Generation.GenerateAsync(Databases, 120, 13);
        var key = Enumerable.Range(0, 32).Select(i => (byte)(i + 3)).ToArray();

        var feed = Track(await DatasetFolder.ExportAsync(source, new ExportOptions { Anonymised = true, PseudonymKey = key }));

        var names = Directory.GetFiles(feed, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["clause_hours.csv", "clause_markets.csv", "financings.csv", "operations.csv", "organisations.csv", "participants.csv", "pathways.csv", "referents.csv", "steps.csv"], names);
        string Header(string file) => File.ReadLines(Path.Combine(feed, file)).First();
        Assert.Equal("hours_id,market_id,participant_id,pathway_id,modality,period_start,period_end,hours,contract_type,eligible_public", Header("clause_hours.csv"));
        Assert.DoesNotContain("title", Header("operations.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain("funder_name", Header("financings.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain("operation_name", Header("clause_markets.csv"), StringComparison.Ordinal);
        var hours = File.ReadLines(Path.Combine(feed, "clause_hours.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.NotEmpty(hours);
        Assert.All(hours, h => Assert.Matches("^[0-9a-f]{64}$", h[0]));
        Assert.All(hours, h => Assert.Matches("^[0-9a-f]{64}$", h[2]));
        var text = string.Concat(Directory.GetFiles(feed, "*.csv").Select(File.ReadAllText));
        await using var db = ParcoursDatabase.Open(source, AccessScope.System("test"));
        foreach (var title in await db.Operations.Select(o => o.Title).Distinct().ToListAsync()) Assert.DoesNotContain(title!, text, StringComparison.Ordinal);
        foreach (var name in await db.ClauseMarkets.Select(m => m.OperationName).Distinct().ToListAsync()) Assert.DoesNotContain(name!, text, StringComparison.Ordinal);
        foreach (var siret in await db.ClauseHours.Where(h => h.EmployerSiret != null).Select(h => h.EmployerSiret).Distinct().ToListAsync())
            Assert.DoesNotContain("," + siret + ",", File.ReadAllText(Path.Combine(feed, "clause_hours.csv")), StringComparison.Ordinal);

        var warehouse = Databases.NewEmpty("modules-warehouse");
        var result = await DatasetFolder.ImportAsync(warehouse, feed);
        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Where(i => i.Severity == IssueSeverity.Erreur).Take(5)));
        Assert.Equal(hours.Count, (await DatasetFolder.CountsAsync(warehouse))["clause_hours"]);
    }

    [Fact]
    public async Task KeyChange_FeedWithPseudonymRekey_RewritesTheWarehousePseudonymsWithoutDuplicates()
    {
        var (source, _) = await Generation.GenerateAsync(Databases, 60, 14);
        var oldKey = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var newKey = Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray();
        var at = DateTimeOffset.Now.AddMinutes(-30);
        var first = Track(await DatasetFolder.ExportAsync(source, new ExportOptions { Anonymised = true, PseudonymKey = oldKey, ProducedAt = at }));
        var warehouse = Databases.NewEmpty("rekey-warehouse");
        Assert.True((await DatasetFolder.ImportAsync(warehouse, first)).Imported);
        var before = await DatasetFolder.CountsAsync(warehouse);

        var second = Track(await DatasetFolder.ExportAsync(source,
            new ExportOptions { Anonymised = true, PseudonymKey = newKey, PreviousPseudonymKey = oldKey, ProducedAt = at.AddMinutes(10) }));
        var result = await DatasetFolder.ImportAsync(warehouse, second);

        Assert.True(File.Exists(Path.Combine(second, "pseudonym_rekey.csv")));
        Assert.Equal("entity,old_pseudonym,new_pseudonym", File.ReadLines(Path.Combine(second, "pseudonym_rekey.csv")).First());
        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Where(i => i.Severity == IssueSeverity.Erreur).Take(5)));
        Assert.Equal((0, 0), (result.Created, result.Updated));
        var after = await DatasetFolder.CountsAsync(warehouse);
        Assert.Equal(before["participants"], after["participants"]);
        Assert.Equal(before["clause_hours"], after["clause_hours"]);
        var newIds = File.ReadLines(Path.Combine(second, "participants.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        await using var db = ParcoursDatabase.Open(warehouse, AccessScope.System("test"));
        var stored = await db.Participants.IgnoreQueryFilters().Select(p => p.ExternalId!).ToListAsync();
        Assert.True(newIds.SetEquals(stored), "the warehouse holds the new pseudonyms, and no old one");
    }

    [Fact]
    public void PseudonymRekey_InAFullDataset_IsAnUnknownFile()
    {
        Assert.True(ExchangeSchema.IsKnownFile("pseudonym_rekey.csv"));
        Assert.True(ExchangeSchema.IsKnownFile("deletions.csv"));
        Assert.False(ExchangeSchema.IsKnownFile("budgets.csv"));
    }

    [Fact]
    public async Task ExcelFriendlyExport_HasABomAndSemicolons_AndImportsToTheSameRows()
    {
        var (source, dataset) = await GeneratedDatasetAsync(40);

        var excel = Track(await DatasetFolder.ExportAsync(source, new ExportOptions { ExcelFriendly = true }));
        var target = Databases.NewEmpty("excel");
        var result = await DatasetFolder.ImportAsync(target, excel);
        var canonical = Track(await DatasetFolder.ExportAsync(target));

        var bytes = File.ReadAllBytes(Path.Combine(excel, "operations.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("operation_id;programme_organisation_id;year;", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Take(5)));
        foreach (var spec in ExchangeSchema.Files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(dataset, spec.Name)), File.ReadAllBytes(Path.Combine(canonical, spec.Name)));
    }
}

public sealed class SqliteExchangeModulesTests() : ExchangeModulesTests(TestDatabase.Sqlite());

public sealed class PostgresExchangeModulesTests() : ExchangeModulesTests(TestDatabase.Postgres());
