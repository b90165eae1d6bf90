using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.TestCommon.Reporting;

/// <summary>
/// STAND-IN, TO BE REPLACED BY THE REAL IMPORTER (issue 3, branch <c>exchange</c>, <c>parcours import PATH</c>).
/// Reads the reference datasets of the reporting tests, written as exchange-format folders (docs/spec/exchange-format.md:
/// manifest.json, organisations.csv, participants.csv, pathways.csv, steps.csv), into the entities and writes them
/// with the <see cref="BulkWriter"/>. It reads only the columns the reports use and validates nothing: the datasets
/// are hand-written and small. An organisation's code is its national_code, else its local id.
/// </summary>
public static class DatasetLoader
{
    /// <summary>The folder of a reference dataset, copied beside the test binaries.</summary>
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Reporting", "Datasets", name);

    public static async Task LoadAsync(DatabaseTarget target, string folder, CancellationToken ct = default)
    {
        using (var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json"), ct)))
        {
            if (manifest.RootElement.GetProperty("format").GetString() != "parcours-exchange")
                throw new InvalidDataException($"{folder}: not an exchange-format dataset.");
        }
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test:dataset"));
        db.AuditEachRow = false;
        var writer = new BulkWriter(db);

        var organisations = Read(folder, "organisations.csv");
        var orgIds = new Dictionary<string, long>(StringComparer.Ordinal);
        var orgRows = new List<Organisation>();
        var nextOrg = await writer.NextIdsAsync<Organisation>(organisations.Count, ct);
        foreach (var r in organisations)
        {
            var org = new Organisation
            {
                Id = nextOrg++,
                Code = Opt(r, "national_code") ?? r["organisation_id"],
                Name = Opt(r, "name") ?? r["organisation_id"],
                Kind = Enum.Parse<OrganisationKind>(r["kind"]),
                Departement = Opt(r, "departement"),
            };
            orgIds[r["organisation_id"]] = org.Id;
            orgRows.Add(org);
        }

        var pathwayRows = Read(folder, "pathways.csv");
        var participantOrg = pathwayRows.GroupBy(r => r["participant_id"])
            .ToDictionary(g => g.Key, g => orgIds[g.First()["programme_organisation_id"]]);
        var participants = Read(folder, "participants.csv");
        var participantIds = new Dictionary<string, long>(StringComparer.Ordinal);
        var participantRows = new List<Participant>();
        var nextParticipant = await writer.NextIdsAsync<Participant>(participants.Count, ct);
        foreach (var r in participants)
        {
            var p = new Participant
            {
                Id = nextParticipant++,
                ExternalId = r["participant_id"],
                OrganisationId = participantOrg.GetValueOrDefault(r["participant_id"], orgRows[0].Id),
                Sex = Enum.Parse<Sex>(r["sex"]),
                BirthYear = Int(Opt(r, "birth_year")),
                CreatedAtUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            participantIds[r["participant_id"]] = p.Id;
            participantRows.Add(p);
        }

        var pathwayIds = new Dictionary<string, long>(StringComparer.Ordinal);
        var pathways = new List<Pathway>();
        var nextPathway = await writer.NextIdsAsync<Pathway>(pathwayRows.Count, ct);
        foreach (var r in pathwayRows)
        {
            var p = new Pathway
            {
                Id = nextPathway++,
                ExternalId = r["pathway_id"],
                ParticipantId = participantIds[r["participant_id"]],
                ParticipantSex = participantRows.First(x => x.ExternalId == r["participant_id"]).Sex,
                Scheme = Enum.Parse<Scheme>(r["scheme"]),
                OrganisationId = orgIds[r["programme_organisation_id"]],
                Status = Enum.Parse<PathwayStatus>(r["status"]),
                Rank = Int(Opt(r, "x_rank")) ?? 1,
                PrescriptionDate = Date(Opt(r, "prescription_date")),
                PreAssignmentDate = Date(Opt(r, "pre_assignment_date")),
                EntryDate = Date(Opt(r, "entry_date")),
                NonEntryReason = Code<NonEntryReason>(Opt(r, "non_entry_reason")),
                NonEntryDate = Date(Opt(r, "non_entry_date")),
                AgeAtEntry = Int(Opt(r, "age_at_entry")),
                PublicCategory = Code<PublicCategory>(Opt(r, "public_category")),
                ThRqth = Bool(Opt(r, "th_rqth")),
                EducationLevel = Code<EducationLevelFt>(Opt(r, "education_level")),
                EducationLevel1969 = Code<EducationLevel1969>(Opt(r, "education_level_1969")),
                ExitDate = Date(Opt(r, "exit_date")),
                ExitReason = Code<ExitReason>(Opt(r, "exit_reason")),
                ExitValidationDate = Date(Opt(r, "exit_validation_date")),
                LabourMarketStatus = Code<FseEntrySituation>(Opt(r, "labour_market_status")),
                InEducationTraining = Bool(Opt(r, "in_education_training")),
                IscedGroup = Code<IscedGroup>(Opt(r, "isced_group")),
                Disability = Code<DeclarativeAnswer>(Opt(r, "disability")),
                Situation4w = Code<FseExitSituation>(Opt(r, "situation_4w")),
                InEducationTraining4w = Bool(Opt(r, "in_education_training_4w")),
                QualificationGained4w = Bool(Opt(r, "qualification_gained_4w")),
                Situation6m = Code<FseExitSituation>(Opt(r, "situation_6m")),
                ImprovedSituation6m = Bool(Opt(r, "improved_situation_6m")),
            };
            pathwayIds[r["pathway_id"]] = p.Id;
            pathways.Add(p);
        }

        var stepRows = File.Exists(Path.Combine(folder, "steps.csv")) ? Read(folder, "steps.csv") : [];
        var steps = new List<Step>();
        var nextStep = await writer.NextIdsAsync<Step>(stepRows.Count, ct);
        foreach (var r in stepRows)
        {
            steps.Add(new Step
            {
                Id = nextStep++,
                ExternalId = r["step_id"],
                PathwayId = pathwayIds[r["pathway_id"]],
                StepType = Enum.Parse<StepType>(r["step_type"]),
                StartDate = Date(r["start_date"])!.Value,
                EndDate = Date(Opt(r, "end_date")),
                FinancedByProgramme = Bool(Opt(r, "financed_by_programme")),
                ProviderOrganisationId = Opt(r, "provider_organisation_id") is { } provider ? orgIds[provider] : null,
                ContractType = Code<ContractType>(Opt(r, "contract_type")),
                ContractMonths = Opt(r, "contract_months") is { } months ? decimal.Parse(months, CultureInfo.InvariantCulture) : null,
                OpenEnded = Bool(Opt(r, "open_ended")),
                PlannedEndDate = Date(Opt(r, "planned_end_date")),
                EmployerNafSection = Code<NafSection>(Opt(r, "employer_naf_section")),
                EmployerKind = Code<EmployerKind>(Opt(r, "employer_kind")),
                EmployerSize = Code<EstablishmentSize>(Opt(r, "employer_size")),
                TrainingDomain = Code<TrainingDomain>(Opt(r, "training_domain")),
                TrainingLevel = Code<CertificationLevel2019>(Opt(r, "training_level")),
                ValidationNature = Code<ValidationNature>(Opt(r, "validation_nature")),
            });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await writer.InsertAsync(orgRows, ct);
        await writer.InsertAsync(participantRows, ct);
        await writer.InsertAsync(pathways, ct);
        await writer.InsertAsync(steps, ct);
        // Exit steps once the steps exist (pathways reference them).
        var stepIds = steps.ToDictionary(x => x.ExternalId!, x => x.Id, StringComparer.Ordinal);
        foreach (var r in pathwayRows.Where(r => Opt(r, "exit_step_id") is not null))
        {
            var pathwayId = pathwayIds[r["pathway_id"]];
            var stepId = stepIds[r["exit_step_id"]];
            await db.Database.ExecuteSqlAsync($"UPDATE pathways_pathway SET exit_step_id = {stepId} WHERE id = {pathwayId}", ct);
        }
        await transaction.CommitAsync(ct);
        await writer.ResetIdentitiesAsync(ct);
    }

    private static List<Dictionary<string, string>> Read(string folder, string file)
    {
        using var reader = new StreamReader(Path.Combine(folder, file));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = false });
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!.Trim(), StringComparer.Ordinal));
        return rows;
    }

    private static string? Opt(Dictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) && v.Length > 0 ? v : null;

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int? Int(string? text) => text is null ? null : int.Parse(text, CultureInfo.InvariantCulture);

    private static bool? Bool(string? text) => text switch { null => null, "1" => true, "0" => false, _ => throw new FormatException(text) };

    private static T? Code<T>(string? text) where T : struct, Enum => text is null ? null : Enum.Parse<T>(text);
}
