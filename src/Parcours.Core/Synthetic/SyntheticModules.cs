using Parcours.Core.Data;
using Parcours.Domain.Clauses;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;
using Parcours.Domain.Fse;
using Parcours.Domain.Offer;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Synthetic;

/// <summary>
/// The data of the modules that follow the pathways: each PLIE's yearly programming (operations and their
/// financings), the Département's call-for-projects actions with their monthly reports, and social-clause markets
/// with the insertion hours of some participants. Drawn from a random stream of their own, so that the people,
/// pathways and steps are the same as without them; steps are then linked to operations and actions.
/// </summary>
public sealed partial class SyntheticDataGenerator
{
    private Random _modules = new(1);
    private readonly Dictionary<(long Programme, int Year), List<Operation>> _operations = [];
    private readonly List<(InsertionAction Action, List<ActionRules.ActionStep> Steps)> _actions = [];
    private readonly Dictionary<string, List<ClauseMarket>> _markets = [];
    private int _hoursCount;

    private async Task CreateProgrammingAsync(BulkWriter writer, CancellationToken ct)
    {
        _modules = new Random(unchecked(_options.Seed * 7919 + 17));
        var today = _options.ReferenceDate;
        var operations = new List<Operation>();
        var financings = new List<(Financing Financing, Operation Operation)>();
        var departement = _programmes[^1].Organisation;
        foreach (var programme in _programmes.Where(p => p.Scheme == Scheme.PLIE))
        {
            var dep = programme.Organisation.Departement!;
            for (var year = _options.FromYear; year <= _options.ToYear; year++)
            {
                var voted = new DateOnly(year, 1, 20);
                if (voted > today) continue;
                var lines = new List<Operation>();
                (string Code, PlieExpenseHeading Heading, string Title, Domain.Access.Organisation Operator, decimal Cost, ObjectiveUnit Unit, int Objective)[] plan =
                [
                    ("REF", PlieExpenseHeading.POSTES_REFERENTS, "Postes de référents de parcours", _providers[$"MDE-{dep}"], 48_000m * (2 + _modules.Next(3)), ObjectiveUnit.ETP, 2),
                    ("ACI", PlieExpenseHeading.ACTIONS_DYNAMISATION, "Accueil de participants en chantier d'insertion", _providers[$"ACI-{dep}"], 1_000m * _modules.Next(20, 60), ObjectiveUnit.PARTICIPANTS, 10),
                    ("ENV", PlieExpenseHeading.ASSISTANCE_PARTICIPANTS, "Enveloppe d'aides aux participants", programme.Organisation, 500m * _modules.Next(10, 40), ObjectiveUnit.PARTICIPANTS, 25),
                ];
                foreach (var (code, heading, title, op, cost, unit, objective) in plan)
                {
                    var closed = year < today.Year;
                    var operation = new Operation
                    {
                        ExternalId = $"OP-{dep}-{year}-{code}", ProgrammeOrganisationId = programme.Organisation.Id, Year = year, ProgrammingVersion = 1 + _modules.Next(2),
                        VersionDate = voted, Code = code, FseOperationNumber = code == "ENV" ? null : $"{year}{dep}{_modules.Next(100, 999)}",
                        FseSpecificObjective = code == "ENV" ? null : FseSpecificObjective.AXE3_OS1, ExpenseHeading = heading, Title = title,
                        OperatorOrganisationId = op.Id, ObjectiveValue = objective, ObjectiveUnit = unit, TotalCost = cost,
                        ProcurementMode = code == "ACI" ? ProcurementMode.APPEL_A_PROJETS : ProcurementMode.OPERATION_INTERNE,
                        Status = closed ? ProgrammingLineStatus.SOLDEE : ProgrammingLineStatus.CONVENTIONNEE,
                        StartDate = new DateOnly(year, 1, 1), EndDate = new DateOnly(year, 12, 31),
                    };
                    lines.Add(operation);
                    var fse = code == "ENV" ? 0m : Math.Round(cost * 0.5m, 2);
                    var local = cost - fse;
                    if (fse > 0) financings.Add((new Financing { ExternalId = $"{operation.ExternalId}-FSE", FunderKind = FunderKind.FSE, Amount = fse, Nature = FinancingNature.DIRECT, Mobilised = true }, operation));
                    financings.Add((dep == "59"
                        ? new Financing { ExternalId = $"{operation.ExternalId}-CD", FunderKind = FunderKind.CONSEIL_DEPARTEMENTAL, FunderOrganisationId = departement.Id, Amount = local, Nature = FinancingNature.DIRECT, Mobilised = true }
                        : new Financing { ExternalId = $"{operation.ExternalId}-EPCI", FunderKind = FunderKind.COMMUNE_EPCI, FunderName = $"Communauté d'agglomération ({dep})", Amount = local, Nature = code == "ACI" ? FinancingNature.INDIRECT : FinancingNature.DIRECT, Mobilised = true },
                        operation));
                }
                _operations[(programme.Organisation.Id, year)] = lines;
                operations.AddRange(lines);
            }
        }
        var id = await writer.NextIdsAsync<Operation>(operations.Count, ct);
        foreach (var o in operations) o.Id = id++;
        id = await writer.NextIdsAsync<Financing>(financings.Count, ct);
        foreach (var (f, o) in financings)
        {
            f.Id = id++;
            f.OperationId = o.Id;
        }

        // The Département's call for projects: a coaching action (per-place lump sum) and a barrier-lifting one, each year.
        var actions = new List<InsertionAction>();
        var north = _programmes.First(p => p.Organisation.Departement == "59" && p.Scheme == Scheme.PLIE);
        for (var year = _options.FromYear; year <= _options.ToYear; year++)
        {
            if (new DateOnly(year, 1, 1) > today) continue;
            var funded = 10 * _modules.Next(2, 6);
            actions.Add(new InsertionAction
            {
                ExternalId = $"A-59-{year}-COACH", CallId = $"AAP-59-{year}", ConventionId = $"CONV-59-{year}-01", ActionType = InsertionActionType.COACHING_EMPLOI,
                LocalActionType = "C2", FunderOrganisationId = departement.Id, OperatorOrganisationId = _providers["MDE-59"].Id, TerritoryCode = "TERR-LILLE",
                OperatingMode = ActionOperatingMode.FILE_ACTIVE_MENSUELLE, FundedPlaces = funded, ReferencePlaces = 40, ReferenceLumpSum = 60_000m,
                AnnualAmount = ActionRules.ProratedAmount(60_000m, funded, 40), FundingMode = ActionFundingMode.FORFAIT_PAR_PLACE_PRORATA,
                PeriodStart = new DateOnly(year, 1, 1), PeriodEnd = new DateOnly(year, 12, 31), ApplicationStatus = ApplicationStatus.CONVENTIONNEE, QpvPlacesForecast = funded / 4,
            });
            actions.Add(new InsertionAction
            {
                ExternalId = $"A-59-{year}-FREINS", CallId = $"AAP-59-{year}", ConventionId = $"CONV-59-{year}-02", ActionType = InsertionActionType.LEVEE_FREINS,
                FunderOrganisationId = departement.Id, OperatorOrganisationId = _providers["ASSO-59"].Id, TerritoryCode = "TERR-LILLE",
                OperatingMode = ActionOperatingMode.ANNUEL, FundedPlaces = 15, AnnualAmount = 1_000m * _modules.Next(8, 20), FundingMode = ActionFundingMode.SUBVENTION_SUR_PROJET,
                PeriodStart = new DateOnly(year, 1, 1), PeriodEnd = new DateOnly(year, 12, 31), ApplicationStatus = ApplicationStatus.CONVENTIONNEE, QpvPlacesForecast = 4,
            });
        }
        id = await writer.NextIdsAsync<InsertionAction>(actions.Count, ct);
        foreach (var a in actions) { a.Id = id++; _actions.Add((a, [])); }

        // Social-clause markets: two per territory over the generated years, bought by a public body, followed by the MDE.
        var markets = new List<ClauseMarket>();
        foreach (var programme in _programmes.Where(p => p.Scheme == Scheme.PLIE))
        {
            var dep = programme.Organisation.Departement!;
            var list = new List<ClauseMarket>();
            for (var k = 0; k < 2; k++)
            {
                var start = new DateOnly(_options.FromYear + k, 3, 1);
                var executionCondition = k == 0;
                var market = new ClauseMarket
                {
                    ExternalId = $"M-{dep}-{k + 1}", BuyerOrganisationId = dep == "59" ? departement.Id : _providers[$"CCAS-{dep}"].Id, ClauseOperationId = $"OPE-{dep}-{k + 1}",
                    OperationName = k == 0 ? "Rénovation d'un groupe scolaire" : "Entretien des espaces verts", Lot = k == 0 ? (1 + _modules.Next(5)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                    LegalBasis = executionCondition ? ClauseLegalBasis.CONDITION_EXECUTION : ClauseLegalBasis.MARCHE_RESERVE_SIAE, InsertionAwardCriterion = executionCondition,
                    MarketKind = k == 0 ? MarketKind.TRAVAUX : MarketKind.SERVICES, HoursRequired = executionCondition ? 100 * _modules.Next(8, 30) : null,
                    StartDate = start, EndDate = start.AddYears(4).AddDays(-1), AwardeeSiret = _providers[$"EI-{dep}"].Siret, AwardeeOrganisationId = _providers[$"EI-{dep}"].Id,
                    QpvAnru = _modules.NextDouble() < 0.5, FacilitatorOrganisationId = _providers[$"MDE-{dep}"].Id,
                };
                list.Add(market);
            }
            _markets[dep] = list;
            markets.AddRange(list);
        }
        id = await writer.NextIdsAsync<ClauseMarket>(markets.Count, ct);
        foreach (var m in markets) m.Id = id++;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await writer.InsertAsync(operations, ct);
        await writer.InsertAsync(financings.Select(f => f.Financing).ToList(), ct);
        await writer.InsertAsync(actions, ct);
        await writer.InsertAsync(markets, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Links a batch's steps to operations and actions, and draws clause hours for some PLIE pathways.</summary>
    private List<ClauseHours> LinkToModules(List<Participant> batch)
    {
        var today = _options.ReferenceDate;
        var hours = new List<ClauseHours>();
        foreach (var participant in batch)
        {
            foreach (var pathway in participant.Pathways)
            {
                var isRsa = pathway.Scheme == Scheme.ACCOMPAGNEMENT_RSA;
                foreach (var step in pathway.Steps)
                {
                    if (pathway.Scheme == Scheme.PLIE && step.FinancedByProgramme == true
                        && _operations.TryGetValue((pathway.OrganisationId, step.StartDate.Year), out var lines))
                        step.OperationId = lines[StepTypes.Family(step.StepType) == StepFamily.EMPLOI_PARCOURS_IAE ? 1 : 2].Id;
                    if (isRsa && step.ContractType is null && step.StepType is not StepType.EMPLOI_SORTIE && _modules.NextDouble() < 0.5)
                    {
                        var (action, steps) = _actions.FirstOrDefault(a => a.Action.PeriodStart <= step.StartDate && step.StartDate <= a.Action.PeriodEnd
                            && a.Action.ActionType == (step.StepType == StepType.LEVEE_FREINS ? InsertionActionType.LEVEE_FREINS : InsertionActionType.COACHING_EMPLOI));
                        if (action is null) continue;
                        step.ActionId = action.Id;
                        if (step.EndDate is not null)
                        {
                            step.ExitReason = _modules.NextDouble() < 0.5 ? ExitReason.AUTRE_ACTION_INSERTION : ExitReason.ABANDON;
                            step.Outcome = ExitReasons.DepartementCategory(step.ExitReason, null, null, false);
                        }
                        steps.Add(new ActionRules.ActionStep(step.StartDate, step.EndDate, step.Outcome));
                    }
                }
                if (pathway.Scheme == Scheme.PLIE && pathway.OperationId is null && pathway.Status == PathwayStatus.SORTI && pathway.EntryDate is { } entered
                    && _operations.TryGetValue((pathway.OrganisationId, entered.Year), out var entryLines))
                    pathway.OperationId = entryLines[0].Id;
                // Some entered PLIE participants work insertion hours on a clause market of their territory.
                if (pathway.Scheme != Scheme.PLIE || pathway.EntryDate is not { } entry || _modules.NextDouble() >= 0.15) continue;
                var dep = _programmes.First(p => p.Organisation.Id == pathway.OrganisationId).Organisation.Departement!;
                var market = _markets[dep][_modules.Next(_markets[dep].Count)];
                var start = entry.AddDays(_modules.Next(20, 120));
                if (start < market.StartDate) start = market.StartDate!.Value;
                var end = start.AddDays(7 * _modules.Next(4, 30) - 1);
                if (end > market.EndDate) end = market.EndDate!.Value;
                if (pathway.ExitDate is { } exit && end > exit) end = exit;
                if (end > today) end = today;
                if (end < start) continue;
                var weeks = (end.DayNumber - start.DayNumber + 1) / 7m;
                hours.Add(new ClauseHours
                {
                    ExternalId = $"H{++_hoursCount:D7}", MarketId = market.Id, ParticipantId = participant.Id, PathwayId = pathway.Id,
                    EmployerSiret = _modules.NextDouble() < 0.7 ? market.AwardeeSiret : null,
                    Modality = _modules.NextDouble() < 0.7 ? ClauseModality.EMBAUCHE_DIRECTE : ClauseModality.MISE_A_DISPOSITION_ETTI,
                    PeriodStart = start, PeriodEnd = end, Hours = Math.Max(1, Math.Round(weeks * _modules.Next(20, 36))),
                    ContractType = _modules.NextDouble() < 0.7 ? ContractType.CDD : ContractType.INTERIM_INSERTION,
                    EligiblePublic = pathway.PublicCategory == PublicCategory.RSA ? ClausePublic.RSA : ClausePublic.DELD,
                });
            }
        }
        return hours;
    }

    /// <summary>The monthly reports of the actions, computed from the steps enrolled in them (§5.12), up to the reference month.</summary>
    private async Task WriteModulesAfterParticipantsAsync(BulkWriter writer, CancellationToken ct)
    {
        var today = _options.ReferenceDate;
        var reports = new List<MonthlyReport>();
        foreach (var (action, steps) in _actions)
        {
            for (var month = action.PeriodStart; month <= action.PeriodEnd && month <= today; month = month.AddMonths(1))
            {
                var figures = ActionRules.Compute(month, steps);
                var submitted = month.AddMonths(1).AddDays(6);
                reports.Add(new MonthlyReport
                {
                    ActionId = action.Id, Month = month, AccompaniedLastDay = figures.AccompaniedLastDay, Entries = figures.Entries,
                    ExitsEmploiDurable = figures.ExitsEmploiDurable, ExitsEmploiTransition = figures.ExitsEmploiTransition, ExitsPositive = figures.ExitsPositive,
                    ExitsAutre = figures.ExitsAutre, SubmittedOn = submitted <= today ? submitted : null,
                });
            }
        }
        var id = await writer.NextIdsAsync<MonthlyReport>(reports.Count, ct);
        foreach (var r in reports) r.Id = id++;
        await writer.InsertAsync(reports, ct);
    }
}
