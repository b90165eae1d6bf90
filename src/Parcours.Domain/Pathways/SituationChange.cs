using System.Text.RegularExpressions;
using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;

namespace Parcours.Domain.Pathways;

#pragma warning disable CA1707 // Identifiers should not contain underscores: members are stored codes, like the code lists.
/// <summary>Family situation of a participant (internal to Parcours, not an exchanged list).</summary>
public enum FamilySituation
{
    SEUL_SANS_ENFANT = 1,
    SEUL_AVEC_ENFANTS,
    COUPLE_SANS_ENFANT,
    COUPLE_AVEC_ENFANTS,
}
#pragma warning restore CA1707

/// <summary>
/// The participant's situation during a pathway: what may change after entry (W-02). The profile at entry stays on
/// the pathway, frozen, because the reports count it; each change is a dated snapshot of the whole
/// situation, and the history is the list of these snapshots.
/// </summary>
public sealed record ParticipantSituation
{
    /// <summary>INSEE code of the commune of residence (identity data, R-703: masked in the audit log).</summary>
    public string? CommuneInsee { get; init; }
    public bool QpvResident { get; init; }
    public FamilySituation? FamilySituation { get; init; }
    public bool LoneParent { get; init; }
    public FseEntrySituation? LabourMarketStatus { get; init; }
    public EducationLevelFt? EducationLevel { get; init; }
    public bool RsaRecipient { get; init; }
    /// <summary>Long-term jobseeker (DELD: without work for 12 months or more, R-108).</summary>
    public bool LongTermJobseeker { get; init; }
    public bool RegisteredFranceTravail { get; init; }

    /// <summary>The situation at entry, read from the frozen profile of the pathway .</summary>
    public static ParticipantSituation AtEntry(Pathway p, string? communeInsee = null) => new()
    {
        CommuneInsee = communeInsee,
        QpvResident = p.QpvResident == true,
        LoneParent = p.LoneParent == true,
        LabourMarketStatus = p.LabourMarketStatus,
        EducationLevel = p.EducationLevel,
        RsaRecipient = p.RsaRightsAndDuties == true || p.PublicCategory == PublicCategory.RSA,
        LongTermJobseeker = p.PublicCategory == PublicCategory.DELD,
        RegisteredFranceTravail = p.RegisteredFranceTravail == true,
    };
}

/// <summary>One dated change of the participant's situation on a pathway, holding the whole situation from that day.</summary>
public class SituationChange : IVersioned, IPersonalData
{
    public long Id { get; set; }
    public long PathwayId { get; set; }
    /// <summary>The day the new situation applies.</summary>
    public DateOnly EffectiveOn { get; set; }
    public string? CommuneInsee { get; set; }
    public bool QpvResident { get; set; }
    public FamilySituation? FamilySituation { get; set; }
    public bool LoneParent { get; set; }
    public FseEntrySituation? LabourMarketStatus { get; set; }
    public EducationLevelFt? EducationLevel { get; set; }
    public bool RsaRecipient { get; set; }
    public bool LongTermJobseeker { get; set; }
    public bool RegisteredFranceTravail { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public int Version { get; set; }

    public ParticipantSituation Situation => new()
    {
        CommuneInsee = CommuneInsee, QpvResident = QpvResident, FamilySituation = FamilySituation, LoneParent = LoneParent,
        LabourMarketStatus = LabourMarketStatus, EducationLevel = EducationLevel, RsaRecipient = RsaRecipient,
        LongTermJobseeker = LongTermJobseeker, RegisteredFranceTravail = RegisteredFranceTravail,
    };

    public static SituationChange From(long pathwayId, DateOnly effectiveOn, ParticipantSituation s) => new()
    {
        PathwayId = pathwayId, EffectiveOn = effectiveOn, CommuneInsee = s.CommuneInsee, QpvResident = s.QpvResident,
        FamilySituation = s.FamilySituation, LoneParent = s.LoneParent, LabourMarketStatus = s.LabourMarketStatus,
        EducationLevel = s.EducationLevel, RsaRecipient = s.RsaRecipient, LongTermJobseeker = s.LongTermJobseeker,
        RegisteredFranceTravail = s.RegisteredFranceTravail,
    };
}

/// <summary>One field that differs between two situations, with French labels of the values before and after.</summary>
public sealed record SituationDifference(string Field, string Before, string After);

/// <summary>The rules of a change of situation after entry: pure functions, no clock, no database.</summary>
public static partial class SituationRules
{
    [GeneratedRegex("^(\\d{5}|2[AB]\\d{3})$")]
    private static partial Regex InseeCode();

    /// <summary>
    /// Checks a change: the pathway is entered and not closed, the date is between the entry (inclusive) and today
    /// (inclusive) and not before the latest recorded change, the commune code is well formed, and something changes.
    /// </summary>
    public static ValidationResult Check(PathwayStatus status, DateOnly? entryDate, DateOnly? lastChangeOn, ParticipantSituation current,
        ParticipantSituation proposed, DateOnly effectiveOn, DateOnly today)
    {
        var result = new ValidationResult();
        if (status is not (PathwayStatus.ENTRE or PathwayStatus.EN_VEILLE) || entryDate is null)
            return result.Add(null, "La situation ne peut être modifiée que sur un parcours en cours (après l'entrée, avant la sortie).");
        if (effectiveOn > today) result.Add("EffectiveOn", "La date du changement ne peut pas être dans le futur.");
        if (effectiveOn < entryDate) result.Add("EffectiveOn", $"La date du changement précède la date d'entrée ({entryDate:dd/MM/yyyy}) : le profil à l'entrée ne se modifie pas.");
        if (lastChangeOn is { } last && effectiveOn < last)
            result.Add("EffectiveOn", $"La date du changement précède le dernier changement enregistré ({last:dd/MM/yyyy}).");
        if (proposed.CommuneInsee is { } code && !InseeCode().IsMatch(code))
            result.Add("CommuneInsee", "Le code INSEE de la commune doit comporter 5 caractères (par exemple 21231).");
        if (proposed.LoneParent && proposed.FamilySituation is FamilySituation.COUPLE_AVEC_ENFANTS or FamilySituation.COUPLE_SANS_ENFANT)
            result.Add("LoneParent", "Un parent isolé ne peut pas vivre en couple.");
        if (result.IsValid && Differences(current, proposed).Count == 0)
            result.Add(null, "Aucun changement par rapport à la situation actuelle.");
        return result;
    }

    /// <summary>The fields that differ, in the order of the form. A commune unknown before is shown as «—».</summary>
    public static IReadOnlyList<SituationDifference> Differences(ParticipantSituation before, ParticipantSituation after)
    {
        var list = new List<SituationDifference>();
        void Add(string field, string b, string a) { if (b != a) list.Add(new(field, b, a)); }
        if (after.CommuneInsee is not null) Add("Commune (code INSEE)", before.CommuneInsee ?? "—", after.CommuneInsee);
        Add("Résident QPV", YesNo(before.QpvResident), YesNo(after.QpvResident));
        Add("Situation familiale", before.FamilySituation?.Label() ?? "—", after.FamilySituation?.Label() ?? "—");
        Add("Parent isolé", YesNo(before.LoneParent), YesNo(after.LoneParent));
        Add("Situation sur le marché du travail", before.LabourMarketStatus?.Label() ?? "—", after.LabourMarketStatus?.Label() ?? "—");
        Add("Niveau de formation", before.EducationLevel?.Label() ?? "—", after.EducationLevel?.Label() ?? "—");
        Add("Allocataire du RSA", YesNo(before.RsaRecipient), YesNo(after.RsaRecipient));
        Add("Demandeur d'emploi de longue durée", YesNo(before.LongTermJobseeker), YesNo(after.LongTermJobseeker));
        Add("Inscrit à France Travail", YesNo(before.RegisteredFranceTravail), YesNo(after.RegisteredFranceTravail));
        return list;
    }

    private static string YesNo(bool b) => b ? "Oui" : "Non";

    public static string Label(this FamilySituation s) => s switch
    {
        FamilySituation.SEUL_SANS_ENFANT => "Seul(e), sans enfant à charge",
        FamilySituation.SEUL_AVEC_ENFANTS => "Seul(e), avec enfant(s) à charge",
        FamilySituation.COUPLE_SANS_ENFANT => "En couple, sans enfant à charge",
        FamilySituation.COUPLE_AVEC_ENFANTS => "En couple, avec enfant(s) à charge",
        _ => s.ToString(),
    };
}

/// <summary>One change in the history: the day, the situation from then on, and what changed.</summary>
public sealed record SituationEntry(DateOnly EffectiveOn, DateTime RecordedAtUtc, ParticipantSituation Situation, IReadOnlyList<SituationDifference> Changes);

/// <summary>The frozen profile at entry, the current situation, and the dated changes (oldest first).</summary>
public sealed record SituationHistory(ParticipantSituation AtEntry, ParticipantSituation Current, IReadOnlyList<SituationEntry> Changes);

/// <summary>Builds the history of a pathway's situation from its stored changes.</summary>
public static class SituationHistories
{
    /// <summary>
    /// Each change holds the whole situation except the commune, which is stored only when it changes (the commune at
    /// entry is not part of the frozen profile): it is carried forward, and the current commune is the participant's.
    /// </summary>
    public static SituationHistory Build(ParticipantSituation atEntry, IEnumerable<SituationChange> changes, string? currentCommune)
    {
        var previous = atEntry;
        var entries = new List<SituationEntry>();
        foreach (var c in changes.OrderBy(c => c.EffectiveOn).ThenBy(c => c.Id))
        {
            var raw = c.Situation;
            var effective = raw with { CommuneInsee = raw.CommuneInsee ?? previous.CommuneInsee };
            entries.Add(new SituationEntry(c.EffectiveOn, c.RecordedAtUtc, effective, SituationRules.Differences(previous, raw)));
            previous = effective;
        }
        return new SituationHistory(atEntry, previous with { CommuneInsee = currentCommune ?? previous.CommuneInsee }, entries);
    }

    /// <summary>The situation now: the last change, or the profile at entry, with the participant's current commune.</summary>
    public static ParticipantSituation Current(Pathway pathway, IEnumerable<SituationChange> changes, string? currentCommune) =>
        Build(ParticipantSituation.AtEntry(pathway), changes, currentCommune).Current;
}
