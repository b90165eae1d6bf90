using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;

namespace Parcours.Core.Reporting;

/// <summary>
/// ESF 2014-2020 participant indicators of a year (codelists.md §13.3, §13.4; reports.md RPT-22), by sex.
/// Output indicators (CO) count the participants who entered in Y, from their entry data; result indicators (CR)
/// count the participants who left in Y, from their results at 4 weeks (situation_4w: the last event of the 28 days
/// after exit, recorded as such) and at 6 months. One query grouped by sex, each indicator a conditional sum whose
/// condition is written once below.
/// </summary>
public sealed class FseIndicatorsReport(ParcoursDbContext db)
{
    public const string Name = "fse-indicators";

    public static readonly IReadOnlyList<string> Columns = ["TOTAL", "FEMME", "HOMME"];

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["PARTICIPANTS_ENTRES"] = "Participants entrés dans l'année",
        ["PARTICIPANTS_SORTIS"] = "Participants sortis dans l'année",
    };

    public async Task<ReportResult> ComputeAsync(int year, IReadOnlyCollection<string>? organisationCodes = null, CancellationToken ct = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var organisations = await ConsolidationReport.ResolveOrganisationsAsync(db, organisationCodes, ct);
        var orgIds = organisations.Select(o => o.Id).ToList();
        const FseEntrySituation chom = FseEntrySituation.CHOMEUR, cld = FseEntrySituation.CHOMEUR_LONGUE_DUREE, inact = FseEntrySituation.INACTIF;
        const FseExitSituation salarie = FseExitSituation.EMPLOI_SALARIE, indep = FseExitSituation.EMPLOI_INDEPENDANT, recherche = FseExitSituation.RECHERCHE_EMPLOI;
        const DeclarativeAnswer oui = DeclarativeAnswer.OUI;

        var rows = await db.Pathways.AsNoTracking()
            .Where(p => p.Scheme == Scheme.PLIE && orgIds.Contains(p.OrganisationId))
            .Where(p => (p.EntryDate >= start && p.EntryDate <= end) || (p.ExitDate >= start && p.ExitDate <= end))
            .Select(p => new
            {
                Sex = p.ParticipantSex,
                In = p.EntryDate >= start && p.EntryDate <= end,
                Out = p.ExitDate >= start && p.ExitDate <= end,
                Unemployed = p.LabourMarketStatus == chom || p.LabourMarketStatus == cld,
                LongTerm = p.LabourMarketStatus == cld,
                Inactive = p.LabourMarketStatus == inact || p.LabourMarketStatus == FseEntrySituation.INACTIF_HORS_FORMATION,
                InactiveNotInEducation = (p.LabourMarketStatus == inact && p.InEducationTraining == false) || p.LabourMarketStatus == FseEntrySituation.INACTIF_HORS_FORMATION,
                Employed = p.LabourMarketStatus == FseEntrySituation.EMPLOYE,
                Under25 = p.AgeAtEntry < 25,
                Over54 = p.AgeAtEntry >= 55,
                p.IscedGroup,
                Migrant = p.MigrantForeignBackground == oui || p.Minority == oui || p.ThirdCountryNational == oui,
                Disabled = p.Disability == oui,
                OtherDisadvantaged = p.OtherDisadvantaged == oui,
                Homeless = p.HomelessHousingExclusion == oui,
                Rural = p.RuralArea == true,
                p.Situation4w,
                p.InEducationTraining4w,
                p.QualificationGained4w,
                p.Situation6m,
                p.ImprovedSituation6m,
            })
            .Select(p => new
            {
                p.Sex,
                Entered = p.In ? 1 : 0,
                Left = p.Out ? 1 : 0,
                CO01 = p.In && p.Unemployed ? 1 : 0,
                CO02 = p.In && p.LongTerm ? 1 : 0,
                CO03 = p.In && p.Inactive ? 1 : 0,
                CO04 = p.In && p.InactiveNotInEducation ? 1 : 0,
                CO05 = p.In && p.Employed ? 1 : 0,
                CO06 = p.In && p.Under25 ? 1 : 0,
                CO07 = p.In && p.Over54 ? 1 : 0,
                CO08 = p.In && p.Over54 && (p.Unemployed || p.InactiveNotInEducation) ? 1 : 0,
                CO09 = p.In && p.IscedGroup == IscedGroup.CITE_1_2 ? 1 : 0,
                CO10 = p.In && p.IscedGroup == IscedGroup.CITE_3_4 ? 1 : 0,
                CO11 = p.In && p.IscedGroup == IscedGroup.CITE_5_8 ? 1 : 0,
                CO15 = p.In && p.Migrant ? 1 : 0,
                CO16 = p.In && p.Disabled ? 1 : 0,
                CO17 = p.In && p.OtherDisadvantaged ? 1 : 0,
                CO18 = p.In && p.Homeless ? 1 : 0,
                CO19 = p.In && p.Rural ? 1 : 0,
                CR01 = p.Out && p.Inactive && p.Situation4w == recherche ? 1 : 0,
                CR02 = p.Out && p.InEducationTraining4w == true ? 1 : 0,
                CR03 = p.Out && p.QualificationGained4w == true ? 1 : 0,
                CR04 = p.Out && (p.Situation4w == salarie || p.Situation4w == indep) ? 1 : 0,
                CR05 = p.Out && (p.Migrant || p.Disabled || p.OtherDisadvantaged)
                    && (p.Situation4w == recherche || p.Situation4w == salarie || p.Situation4w == indep || p.InEducationTraining4w == true || p.QualificationGained4w == true) ? 1 : 0,
                CR06 = p.Out && (p.Situation6m == salarie || p.Situation6m == indep) ? 1 : 0,
                CR07 = p.Out && p.ImprovedSituation6m == true ? 1 : 0,
                CR08 = p.Out && p.Over54 && (p.Situation6m == salarie || p.Situation6m == indep) ? 1 : 0,
                CR09 = p.Out && (p.Migrant || p.Disabled || p.OtherDisadvantaged) && (p.Situation6m == salarie || p.Situation6m == indep) ? 1 : 0,
            })
            .GroupBy(p => p.Sex)
            .Select(g => new
            {
                Sex = g.Key,
                V = new[]
                {
                    g.Sum(p => p.Entered), g.Sum(p => p.Left),
                    g.Sum(p => p.CO01), g.Sum(p => p.CO02), g.Sum(p => p.CO03), g.Sum(p => p.CO04), g.Sum(p => p.CO05),
                    g.Sum(p => p.CO06), g.Sum(p => p.CO07), g.Sum(p => p.CO08), g.Sum(p => p.CO09), g.Sum(p => p.CO10),
                    g.Sum(p => p.CO11), g.Sum(p => p.CO15), g.Sum(p => p.CO16), g.Sum(p => p.CO17), g.Sum(p => p.CO18),
                    g.Sum(p => p.CO19), g.Sum(p => p.CR01), g.Sum(p => p.CR02), g.Sum(p => p.CR03), g.Sum(p => p.CR04),
                    g.Sum(p => p.CR05), g.Sum(p => p.CR06), g.Sum(p => p.CR07), g.Sum(p => p.CR08), g.Sum(p => p.CR09),
                },
            })
            .ToListAsync(ct);

        string[] keys =
        [
            "PARTICIPANTS_ENTRES", "PARTICIPANTS_SORTIS", "CO01", "CO02", "CO03", "CO04", "CO05", "CO06", "CO07", "CO08", "CO09",
            "CO10", "CO11", "CO15", "CO16", "CO17", "CO18", "CO19", "CR01", "CR02", "CR03", "CR04", "CR05", "CR06", "CR07",
            "CR08", "CR09",
        ];
        var table = new ReportTable("indicators", $"Indicateurs FSE des participants {year}", Columns)
        {
            RowLabel = k => Labels.TryGetValue(k, out var l) ? l
                : Enum.TryParse<FseIndicator2014>(k, out var i) ? $"{k} — {CodeListRegistry.Label(i)}" : k,
        };
        for (var i = 0; i < keys.Length; i++)
        {
            var row = table.Add(keys[i]);
            row["TOTAL"] = rows.Sum(r => r.V[i]);
            row["FEMME"] = rows.Where(r => r.Sex == Sex.FEMME).Sum(r => r.V[i]);
            row["HOMME"] = rows.Where(r => r.Sex == Sex.HOMME).Sum(r => r.V[i]);
        }
        var result = new ReportResult { Report = Name, Year = year, Organisations = organisations.Select(o => o.Code).ToList() };
        result.Tables.Add(table);
        result.Definitions.Add($"Participants : parcours PLIE ; indicateurs de réalisation (CO) sur les entrées de {year}, de résultat (CR) sur les sorties de {year} (situation à 4 semaines : dernier événement des 28 jours suivant la sortie ; à 6 mois).");
        string F(double v) => v.ToString("0", CultureInfo.InvariantCulture);
        var other = rows.Where(r => r.Sex is not (Sex.FEMME or Sex.HOMME)).Sum(r => r.V[0]);
        foreach (var key in new[] { "PARTICIPANTS_ENTRES", "PARTICIPANTS_SORTIS" })
        {
            var (t, f, h) = (table[key, "TOTAL"]!.Value, table[key, "FEMME"]!.Value, table[key, "HOMME"]!.Value);
            result.Checks.Add(new ReportCheck($"fse.partition.sex.{key}", f + h == t, $"FEMME + HOMME = TOTAL : {F(f)} + {F(h)} = {F(f + h)}, TOTAL = {F(t)}" + (other > 0 ? $" ({F(other)} participants d'un autre sexe)" : "") + "."));
        }
        double V(string k) => table[k, "TOTAL"]!.Value;
        result.Checks.Add(new ReportCheck("fse.co.status", V("CO01") + V("CO03") + V("CO05") <= V("PARTICIPANTS_ENTRES") && V("CO02") <= V("CO01") && V("CO04") <= V("CO03"),
            $"Chômeurs + inactifs + en emploi ≤ entrés : {F(V("CO01"))} + {F(V("CO03"))} + {F(V("CO05"))} ≤ {F(V("PARTICIPANTS_ENTRES"))} ; CO02 ≤ CO01 ; CO04 ≤ CO03."));
        result.Checks.Add(new ReportCheck("fse.cr.subsets", V("CR08") <= V("CR06") && V("CR09") <= V("CR06") && V("CR04") + V("CR01") <= V("PARTICIPANTS_SORTIS"),
            $"CR08 ≤ CR06, CR09 ≤ CR06, CR04 + CR01 ≤ sortis : {F(V("CR04"))} + {F(V("CR01"))} ≤ {F(V("PARTICIPANTS_SORTIS"))}."));

        var (plus, plusChecks) = await EsfPlusAsync(orgIds, start, end, year, table, ct);
        result.Tables.Add(plus);
        result.Checks.AddRange(plusChecks);
        result.Definitions.Add("FSE+ 2021-2027 (EECO01 à EECO17, EECR01 à EECR05, codelists.md §13.5) : mêmes populations ; colonne NON_BINAIRE pour que les sexes somment au total. EECO18 et EECO19 (entités soutenues) ne viennent pas des participants et ne sont pas produits.");
        return result;
    }

    public static readonly IReadOnlyList<string> EsfPlusColumns = ["TOTAL", "FEMME", "HOMME", "NON_BINAIRE"];

    public static readonly IReadOnlyList<string> EsfPlusRows =
    [
        "EECO01", "EECO02", "EECO03", "EECO04", "EECO05", "EECO06", "EECO07", "EECO08", "EECO09", "EECO10", "EECO11",
        "EECO12", "EECO13", "EECO14", "EECO15", "EECO16", "EECO17", "PARTICIPANTS_SORTIS", "EECR01", "EECR02", "EECR03",
        "EECR04", "EECR05",
    ];

    /// <summary>
    /// ESF+ 2021-2027 common indicators (codelists.md §13.5; reports.md RPT-22), by sex with a NON_BINAIRE column:
    /// EECO on the participants who entered in Y, EECR on those who left in Y. A query of its own, one conditional sum
    /// per indicator, each condition written once below as in §13.5.
    /// </summary>
    private async Task<(ReportTable Table, List<ReportCheck> Checks)> EsfPlusAsync(List<long> orgIds, DateOnly start, DateOnly end, int year,
        ReportTable esf2014, CancellationToken ct)
    {
        const FseExitSituation salarie = FseExitSituation.EMPLOI_SALARIE, indep = FseExitSituation.EMPLOI_INDEPENDANT;
        const DeclarativeAnswer oui = DeclarativeAnswer.OUI;
        var rows = await db.Pathways.AsNoTracking()
            .Where(p => p.Scheme == Scheme.PLIE && orgIds.Contains(p.OrganisationId))
            .Where(p => (p.EntryDate >= start && p.EntryDate <= end) || (p.ExitDate >= start && p.ExitDate <= end))
            .Select(p => new
            {
                Sex = p.ParticipantSex,
                In = p.EntryDate >= start && p.EntryDate <= end,
                Out = p.ExitDate >= start && p.ExitDate <= end,
                p.LabourMarketStatus,
                p.AgeAtEntry,
                p.IscedGroup,
                p.Disability,
                p.ThirdCountryNational,
                p.MigrantForeignBackground,
                p.Minority,
                p.HomelessHousingExclusion,
                p.RuralArea,
                p.Situation4w,
                p.InEducationTraining4w,
                p.QualificationGained4w,
                p.Situation6m,
            })
            .Select(p => new
            {
                p.Sex,
                EECO01 = p.In ? 1 : 0,
                EECO02 = p.In && (p.LabourMarketStatus == FseEntrySituation.CHOMEUR || p.LabourMarketStatus == FseEntrySituation.CHOMEUR_LONGUE_DUREE) ? 1 : 0,
                EECO03 = p.In && p.LabourMarketStatus == FseEntrySituation.CHOMEUR_LONGUE_DUREE ? 1 : 0,
                EECO04 = p.In && (p.LabourMarketStatus == FseEntrySituation.INACTIF || p.LabourMarketStatus == FseEntrySituation.INACTIF_HORS_FORMATION) ? 1 : 0,
                EECO05 = p.In && p.LabourMarketStatus == FseEntrySituation.EMPLOYE ? 1 : 0,
                EECO06 = p.In && p.AgeAtEntry < 18 ? 1 : 0,
                EECO07 = p.In && p.AgeAtEntry >= 18 && p.AgeAtEntry <= 29 ? 1 : 0,
                EECO08 = p.In && p.AgeAtEntry >= 55 ? 1 : 0,
                EECO09 = p.In && (p.IscedGroup == IscedGroup.CITE_0 || p.IscedGroup == IscedGroup.CITE_1_2) ? 1 : 0,
                EECO10 = p.In && p.IscedGroup == IscedGroup.CITE_3_4 ? 1 : 0,
                EECO11 = p.In && p.IscedGroup == IscedGroup.CITE_5_8 ? 1 : 0,
                EECO12 = p.In && p.Disability == oui ? 1 : 0,
                EECO13 = p.In && p.ThirdCountryNational == oui ? 1 : 0,
                EECO14 = p.In && p.MigrantForeignBackground == oui ? 1 : 0,
                EECO15 = p.In && p.Minority == oui ? 1 : 0,
                EECO16 = p.In && p.HomelessHousingExclusion == oui ? 1 : 0,
                EECO17 = p.In && p.RuralArea == true ? 1 : 0,
                Left = p.Out ? 1 : 0,
                EECR01 = p.Out && p.Situation4w == FseExitSituation.RECHERCHE_EMPLOI ? 1 : 0,
                EECR02 = p.Out && p.InEducationTraining4w == true ? 1 : 0,
                EECR03 = p.Out && p.QualificationGained4w == true ? 1 : 0,
                EECR04 = p.Out && (p.Situation4w == salarie || p.Situation4w == indep) ? 1 : 0,
                EECR05 = p.Out && (p.Situation6m == salarie || p.Situation6m == indep) ? 1 : 0,
            })
            .GroupBy(p => p.Sex)
            .Select(g => new
            {
                Sex = g.Key,
                V = new[]
                {
                    g.Sum(p => p.EECO01), g.Sum(p => p.EECO02), g.Sum(p => p.EECO03), g.Sum(p => p.EECO04), g.Sum(p => p.EECO05),
                    g.Sum(p => p.EECO06), g.Sum(p => p.EECO07), g.Sum(p => p.EECO08), g.Sum(p => p.EECO09), g.Sum(p => p.EECO10),
                    g.Sum(p => p.EECO11), g.Sum(p => p.EECO12), g.Sum(p => p.EECO13), g.Sum(p => p.EECO14), g.Sum(p => p.EECO15),
                    g.Sum(p => p.EECO16), g.Sum(p => p.EECO17), g.Sum(p => p.Left), g.Sum(p => p.EECR01), g.Sum(p => p.EECR02),
                    g.Sum(p => p.EECR03), g.Sum(p => p.EECR04), g.Sum(p => p.EECR05),
                },
            })
            .ToListAsync(ct);

        var table = new ReportTable("indicators_esf_plus", $"Indicateurs communs FSE+ des participants {year}", EsfPlusColumns)
        {
            RowLabel = k => Labels.TryGetValue(k, out var l) ? l
                : Enum.TryParse<FseIndicator2021>(k, out var i) ? $"{k} — {CodeListRegistry.Label(i)}" : k,
        };
        for (var i = 0; i < EsfPlusRows.Count; i++)
        {
            var row = table.Add(EsfPlusRows[i]);
            row["TOTAL"] = rows.Sum(r => r.V[i]);
            row["FEMME"] = rows.Where(r => r.Sex == Sex.FEMME).Sum(r => r.V[i]);
            row["HOMME"] = rows.Where(r => r.Sex == Sex.HOMME).Sum(r => r.V[i]);
            row["NON_BINAIRE"] = rows.Where(r => r.Sex is not (Sex.FEMME or Sex.HOMME)).Sum(r => r.V[i]);
        }

        string F(double v) => v.ToString("0", CultureInfo.InvariantCulture);
        double V(string k, string c = "TOTAL") => table[k, c]!.Value;
        var checks = new List<ReportCheck>();
        var badSex = EsfPlusRows.Where(k => V(k, "FEMME") + V(k, "HOMME") + V(k, "NON_BINAIRE") != V(k)).ToList();
        checks.Add(new ReportCheck("fse_plus.partition.sex", badSex.Count == 0, badSex.Count == 0
            ? $"FEMME + HOMME + NON_BINAIRE = TOTAL sur chaque ligne (EECO01 : {F(V("EECO01", "FEMME"))} + {F(V("EECO01", "HOMME"))} + {F(V("EECO01", "NON_BINAIRE"))} = {F(V("EECO01"))})."
            : "FEMME + HOMME + NON_BINAIRE ≠ TOTAL sur " + string.Join(", ", badSex) + "."));
        checks.Add(new ReportCheck("fse_plus.eeco.status", V("EECO02") + V("EECO04") + V("EECO05") <= V("EECO01") && V("EECO03") <= V("EECO02"),
            $"Chômeurs + inactifs + en emploi ≤ participants : {F(V("EECO02"))} + {F(V("EECO04"))} + {F(V("EECO05"))} ≤ {F(V("EECO01"))} ; EECO03 {F(V("EECO03"))} ≤ EECO02 {F(V("EECO02"))}."));
        checks.Add(new ReportCheck("fse_plus.eecr.exclusive", V("EECR01") + V("EECR04") <= V("PARTICIPANTS_SORTIS") && EsfPlusRows.Where(k => k.StartsWith("EECR", StringComparison.Ordinal)).All(k => V(k) <= V("PARTICIPANTS_SORTIS")),
            $"Recherche d'emploi et emploi à la sortie s'excluent : EECR01 + EECR04 = {F(V("EECR01") + V("EECR04"))} ≤ sortis {F(V("PARTICIPANTS_SORTIS"))} ; chaque EECR ≤ sortis."));
        // The two programming periods count the same participants from the same records.
        var same = V("EECO01") == esf2014["PARTICIPANTS_ENTRES", "TOTAL"] && V("PARTICIPANTS_SORTIS") == esf2014["PARTICIPANTS_SORTIS", "TOTAL"]
            && V("EECO02") == esf2014["CO01", "TOTAL"] && V("EECR04") == esf2014["CR04", "TOTAL"];
        checks.Add(new ReportCheck("fse_plus.consistent_with_2014", same,
            $"EECO01 = participants entrés ({F(V("EECO01"))}), EECO02 = CO01 ({F(V("EECO02"))}), EECR04 = CR04 ({F(V("EECR04"))}), sortis = {F(V("PARTICIPANTS_SORTIS"))}."));
        return (table, checks);
    }
}
