namespace Parcours.Core.Exchange;

/// <summary>Value types of exchange format §3.4.</summary>
public enum ColumnType { Id, Code, Text, Date, Month, Year, Integer, Decimal, Amount, Boolean, Siret, Nir, InseeCommune, Departement, PostalCode, Phone, Email }

/// <summary>
/// One column of a file (exchange format §5): drives validation, mapping to the entity, export and the anonymised
/// subset (§9.2). <see cref="Property"/> is the entity property ("Identity.LastName" for the participant's identity).
/// </summary>
public sealed record ColumnSpec(string Name, ColumnType Type, bool Required = false, string? List = null, int MaxLength = 0,
    bool Identity = false, string? References = null, string? Property = null, bool Planned = false, string? NotBefore = null,
    bool Key = false)
{
    /// <summary>True when the column is kept in an anonymised feed (§9.2).</summary>
    public bool KeptInFeed { get; init; }

    /// <summary>Entity name of the pseudonym (§9.4) when the column is pseudonymised in a feed.</summary>
    public string? PseudonymEntity { get; init; }
}

public sealed record FileSpec(string Name, IReadOnlyList<ColumnSpec> Columns, Type EntityType, string LocalIdPrefix)
{
    public ColumnSpec KeyColumn => Columns[0];

    /// <summary>
    /// Positions of the columns that make the key (§4.2): the first column, or action_id and month for
    /// monthly_reports.csv, whose local key is «action_id|month» (also the record_id of the report, §6.5).
    /// </summary>
    public IReadOnlyList<int> KeyColumns { get; init; } = [0];

    public bool CompositeKey => KeyColumns.Count > 1;

    private Dictionary<string, int>? _index;

    /// <summary>Position of a column in <see cref="Columns"/>, -1 when the file has no such column.</summary>
    public int IndexOf(string column)
    {
        _index ??= Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i);
        return _index.TryGetValue(column, out var i) ? i : -1;
    }

    public ColumnSpec? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>The files of exchange format v1 that Parcours stores today, in the order they are validated and written.</summary>
public static class ExchangeSchema
{
    public const string FormatVersion = "1.0";


    private static ColumnSpec C(string name, ColumnType type, bool req = false, string? list = null, int max = 0, bool identity = false,
        string? refs = null, string? prop = null, bool planned = false, string? notBefore = null, bool feed = true, string? pseudo = null, bool key = false) =>
        new(name, type, req, list, max, identity, refs, prop, planned, notBefore, key) { KeptInFeed = feed && !identity, PseudonymEntity = pseudo };

    public static readonly FileSpec Organisations = new("organisations.csv",
    [
        C("organisation_id", ColumnType.Id, true, prop: "Code", key: true),
        C("kind", ColumnType.Code, true, "TYPE_ORGANISATION"),
        C("name", ColumnType.Text, true, max: 200, feed: false),
        C("siret", ColumnType.Siret),
        C("rna", ColumnType.Text, max: 10),
        C("national_code", ColumnType.Text, max: 32),
        C("commune_insee", ColumnType.InseeCommune),
        C("departement", ColumnType.Departement),
        C("parent_organisation_id", ColumnType.Id, refs: "organisations.csv"),
        C("intermediate_body_id", ColumnType.Id, refs: "organisations.csv"),
        C("active_from", ColumnType.Date),
        C("active_to", ColumnType.Date, planned: true, notBefore: "active_from"),
    ], typeof(Domain.Access.Organisation), "ORG");

    public static readonly FileSpec Referents = new("referents.csv",
    [
        C("referent_id", ColumnType.Id, true, prop: "ExternalId", pseudo: "referent", key: true),
        C("organisation_id", ColumnType.Id, true, refs: "organisations.csv", prop: "EmployerOrganisationId"),
        C("programme_organisation_id", ColumnType.Id, refs: "organisations.csv", prop: "OrganisationId"),
        C("role", ColumnType.Code, true, "ROLE_PROFESSIONNEL"),
        C("last_name", ColumnType.Text, max: 100, identity: true),
        C("first_name", ColumnType.Text, max: 100, identity: true),
        C("email", ColumnType.Email, identity: true),
        C("fte", ColumnType.Decimal, prop: "FteHundredths"),
        C("funded_by_programme", ColumnType.Boolean),
        C("start_date", ColumnType.Date),
        C("end_date", ColumnType.Date, planned: true, notBefore: "start_date"),
    ], typeof(Domain.Pathways.Referent), "R");

    public static readonly FileSpec Participants = new("participants.csv",
    [
        C("participant_id", ColumnType.Id, true, prop: "ExternalId", pseudo: "participant", key: true),
        C("sex", ColumnType.Code, true, "SEXE"),
        C("birth_date", ColumnType.Date, identity: true, prop: "Identity.BirthDate"),
        C("birth_year", ColumnType.Year),
        C("last_name", ColumnType.Text, max: 100, identity: true, prop: "Identity.LastName"),
        C("birth_name", ColumnType.Text, max: 100, identity: true, prop: "Identity.BirthName"),
        C("first_name", ColumnType.Text, max: 100, identity: true, prop: "Identity.FirstName"),
        C("nir", ColumnType.Nir, identity: true, prop: "Identity.Nir"),
        C("france_travail_id", ColumnType.Text, max: 20, identity: true, prop: "Identity.FranceTravailId"),
        C("caf_number", ColumnType.Text, max: 20, identity: true, prop: "Identity.CafNumber"),
        C("address_line", ColumnType.Text, max: 200, identity: true, prop: "Identity.AddressLine"),
        C("postal_code", ColumnType.PostalCode, identity: true, prop: "Identity.PostalCode"),
        C("commune_insee", ColumnType.InseeCommune, identity: true, prop: "Identity.CommuneInsee"),
        C("phone", ColumnType.Phone, identity: true, prop: "Identity.Phone"),
        C("email", ColumnType.Email, identity: true, prop: "Identity.Email"),
    ], typeof(Domain.Pathways.Participant), "P");

    private static readonly string[] PathwayFeedColumns =
    [
        "pathway_id", "participant_id", "scheme", "programme_organisation_id", "operation_id", "referent_id", "status", "prescriber_kind",
        "prescription_date", "entry_date", "non_entry_reason", "non_entry_date", "age_at_entry", "public_category", "th_rqth",
        "registered_france_travail", "qpv_resident", "education_level", "education_level_1969", "inactivity_months", "inactivity_band",
        "exit_date", "exit_reason", "exit_validation_date", "exit_step_id",
    ];

    public static readonly FileSpec Pathways = Feed(new FileSpec("pathways.csv",
    [
        C("pathway_id", ColumnType.Id, true, prop: "ExternalId", pseudo: "pathway", key: true),
        C("participant_id", ColumnType.Id, true, refs: "participants.csv", pseudo: "participant"),
        C("scheme", ColumnType.Code, true, "DISPOSITIF"),
        C("programme_organisation_id", ColumnType.Id, true, refs: "organisations.csv", prop: "OrganisationId"),
        C("operation_id", ColumnType.Id, refs: "operations.csv"),
        C("referent_id", ColumnType.Id, refs: "referents.csv", pseudo: "referent"),
        C("status", ColumnType.Code, true, "STATUT_PARCOURS"),
        C("status_since", ColumnType.Date, notBefore: "prescription_date"),
        C("prescriber_kind", ColumnType.Code, list: "TYPE_PRESCRIPTEUR"),
        C("prescriber_organisation_id", ColumnType.Id, refs: "organisations.csv"),
        C("prescription_date", ColumnType.Date),
        C("pre_assignment_date", ColumnType.Date, notBefore: "prescription_date"),
        C("convocation_date", ColumnType.Date, notBefore: "prescription_date"),
        C("pre_entry_interview_date", ColumnType.Date, notBefore: "prescription_date"),
        C("entry_commission_date", ColumnType.Date, notBefore: "prescription_date"),
        C("entry_date", ColumnType.Date, notBefore: "prescription_date"),
        C("non_entry_reason", ColumnType.Code, list: "MOTIF_NON_ENTREE"),
        C("non_entry_date", ColumnType.Date, notBefore: "prescription_date"),
        C("age_at_entry", ColumnType.Integer),
        C("public_category", ColumnType.Code, list: "CATEGORIE_PUBLIC"),
        C("th_rqth", ColumnType.Boolean),
        C("registered_france_travail", ColumnType.Boolean),
        C("qpv_resident", ColumnType.Boolean),
        C("qpv_code", ColumnType.Text, max: 12),
        C("lone_parent", ColumnType.Boolean),
        C("rsa_rights_and_duties", ColumnType.Boolean),
        C("education_level", ColumnType.Code, list: "NIVEAU_FORMATION_FT"),
        C("education_level_1969", ColumnType.Code, list: "NIVEAU_FORMATION_1969"),
        C("inactivity_months", ColumnType.Integer),
        C("inactivity_band", ColumnType.Code, list: "DUREE_INACTIVITE"),
        C("orientation_type", ColumnType.Code, list: "TYPE_ORIENTATION_RSA"),
        C("orientation_date", ColumnType.Date),
        C("labour_market_status", ColumnType.Code, list: "SITUATION_ENTREE_FSE"),
        C("in_education_training", ColumnType.Boolean),
        C("isced_group", ColumnType.Code, list: "GROUPE_CITE"),
        C("jobless_household", ColumnType.Boolean),
        C("jobless_household_children", ColumnType.Boolean),
        C("single_adult_household_children", ColumnType.Boolean),
        C("disability", ColumnType.Code, list: "REPONSE_DECLARATIVE"),
        C("migrant_foreign_background", ColumnType.Code, list: "REPONSE_DECLARATIVE"),
        C("minority", ColumnType.Code, list: "REPONSE_DECLARATIVE"),
        C("third_country_national", ColumnType.Code, list: "REPONSE_DECLARATIVE"),
        C("other_disadvantaged", ColumnType.Code, list: "REPONSE_DECLARATIVE"),
        C("homeless_housing_exclusion", ColumnType.Code, list: "REPONSE_DECLARATIVE"),
        C("rural_area", ColumnType.Boolean),
        C("exit_date", ColumnType.Date, notBefore: "entry_date"),
        C("exit_reason", ColumnType.Code, list: "MOTIF_SORTIE"),
        C("exit_validation_date", ColumnType.Date, notBefore: "entry_date"),
        C("exit_step_id", ColumnType.Id, refs: "steps.csv", pseudo: "step"),
        C("situation_4w", ColumnType.Code, list: "SITUATION_SORTIE_FSE"),
        C("in_education_training_4w", ColumnType.Boolean),
        C("qualification_gained_4w", ColumnType.Boolean),
        C("situation_6m", ColumnType.Code, list: "SITUATION_SORTIE_FSE"),
        C("improved_situation_6m", ColumnType.Boolean),
    ], typeof(Domain.Pathways.Pathway), "PA"), PathwayFeedColumns);

    private static readonly string[] StepFeedColumns =
    [
        "step_id", "pathway_id", "step_type", "start_date", "planned_end_date", "end_date", "financed_by_programme", "operation_id",
        "provider_organisation_id", "contract_type", "contract_months", "open_ended", "weekly_hours", "employer_naf_section", "employer_kind",
        "employer_size", "training_domain", "training_level", "validation_nature", "qualification_obtained", "total_hours", "clause_market_id",
    ];

    public static readonly FileSpec Steps = Feed(new FileSpec("steps.csv",
    [
        C("step_id", ColumnType.Id, true, prop: "ExternalId", pseudo: "step", key: true),
        C("pathway_id", ColumnType.Id, true, refs: "pathways.csv", pseudo: "pathway"),
        C("step_type", ColumnType.Code, true, "TYPE_ETAPE"),
        C("start_date", ColumnType.Date, true),
        C("planned_end_date", ColumnType.Date, planned: true, notBefore: "start_date"),
        C("end_date", ColumnType.Date, notBefore: "start_date"),
        C("financed_by_programme", ColumnType.Boolean),
        C("operation_id", ColumnType.Id, refs: "operations.csv"),
        C("action_id", ColumnType.Id, refs: "actions.csv"),
        C("provider_organisation_id", ColumnType.Id, refs: "organisations.csv"),
        C("contract_type", ColumnType.Code, list: "TYPE_CONTRAT"),
        C("contract_months", ColumnType.Decimal),
        C("open_ended", ColumnType.Boolean),
        C("weekly_hours", ColumnType.Decimal),
        C("employer_siret", ColumnType.Siret),
        C("employer_naf_section", ColumnType.Code, list: "SECTION_NAF"),
        C("employer_kind", ColumnType.Code, list: "TYPE_EMPLOYEUR"),
        C("employer_size", ColumnType.Code, list: "TAILLE_ETABLISSEMENT"),
        C("training_domain", ColumnType.Code, list: "DOMAINE_FORMATION"),
        C("training_level", ColumnType.Code, list: "NIVEAU_CERTIFICATION_2019"),
        C("validation_nature", ColumnType.Code, list: "NATURE_VALIDATION"),
        C("qualification_obtained", ColumnType.Boolean),
        C("total_hours", ColumnType.Decimal),
        C("barrier_code", ColumnType.Code, list: "CATEGORIE_FREIN"),
        C("clause_market_id", ColumnType.Id, refs: "clause_markets.csv"),
        C("exit_reason", ColumnType.Code, list: "MOTIF_SORTIE"),
        C("exit_contract_type", ColumnType.Code, list: "TYPE_CONTRAT"),
        C("exit_contract_months", ColumnType.Decimal),
        C("outcome", ColumnType.Code, list: "CATEGORIE_SORTIE_DEPARTEMENT"),
    ], typeof(Domain.Pathways.Step), "S"), StepFeedColumns);

    public static readonly FileSpec Barriers = new("barriers.csv",
    [
        C("barrier_id", ColumnType.Id, true, prop: "ExternalId", key: true),
        C("pathway_id", ColumnType.Id, true, refs: "pathways.csv"),
        C("barrier_code", ColumnType.Code, true, "CATEGORIE_FREIN"),
        C("identified_on", ColumnType.Date, true),
        C("lifted_on", ColumnType.Date, notBefore: "identified_on"),
    ], typeof(Domain.Pathways.Barrier), "B");

    public static readonly FileSpec Contracts = new("contracts.csv",
    [
        C("contract_id", ColumnType.Id, true, prop: "ExternalId", key: true),
        C("pathway_id", ColumnType.Id, true, refs: "pathways.csv"),
        C("kind", ColumnType.Code, true, "TYPE_CONTRAT_ENGAGEMENT"),
        C("signed_on", ColumnType.Date, true),
        C("start_date", ColumnType.Date, true, planned: true),
        C("end_date", ColumnType.Date, planned: true, notBefore: "start_date"),
        C("weekly_activity_hours", ColumnType.Decimal),
        C("reduced_hours", ColumnType.Boolean),
        C("signatory_organisation_id", ColumnType.Id, refs: "organisations.csv"),
        C("sent_on", ColumnType.Date, notBefore: "signed_on"),
    ], typeof(Domain.Pathways.CommitmentContract), "C");

    public static readonly FileSpec Appointments = new("appointments.csv",
    [
        C("appointment_id", ColumnType.Id, true, prop: "ExternalId", key: true),
        C("pathway_id", ColumnType.Id, true, refs: "pathways.csv"),
        C("date", ColumnType.Date, true, planned: true),
        C("kind", ColumnType.Code, true, "TYPE_RDV"),
        C("attended", ColumnType.Boolean),
        C("referent_id", ColumnType.Id, refs: "referents.csv"),
        C("convocation_rank", ColumnType.Integer),
    ], typeof(Domain.Pathways.Appointment), "AP");

    public static readonly FileSpec Operations = new("operations.csv",
    [
        C("operation_id", ColumnType.Id, true, prop: "ExternalId", key: true),
        C("programme_organisation_id", ColumnType.Id, true, refs: "organisations.csv"),
        C("year", ColumnType.Year, true),
        C("programming_version", ColumnType.Integer),
        C("version_date", ColumnType.Date),
        C("code", ColumnType.Text, max: 32),
        C("fse_operation_number", ColumnType.Text, max: 20),
        C("fse_specific_objective", ColumnType.Code, list: "OBJECTIF_SPECIFIQUE_FSE"),
        C("expense_heading", ColumnType.Code, list: "POSTE_DEPENSE_PLIE"),
        C("title", ColumnType.Text, true, max: 200, feed: false),
        C("operator_organisation_id", ColumnType.Id, true, refs: "organisations.csv"),
        C("objective_value", ColumnType.Decimal),
        C("objective_unit", ColumnType.Code, list: "UNITE_OBJECTIF"),
        C("total_cost", ColumnType.Amount, true),
        C("procurement_mode", ColumnType.Code, list: "MODE_ACHAT"),
        C("status", ColumnType.Code, true, "STATUT_LIGNE_PROGRAMMATION"),
        C("start_date", ColumnType.Date, planned: true),
        C("end_date", ColumnType.Date, planned: true, notBefore: "start_date"),
    ], typeof(Domain.Fse.Operation), "OP");

    public static readonly FileSpec Financings = new("financings.csv",
    [
        C("financing_id", ColumnType.Id, true, prop: "ExternalId", key: true),
        C("operation_id", ColumnType.Id, true, refs: "operations.csv"),
        C("funder_kind", ColumnType.Code, true, "TYPE_FINANCEUR"),
        C("funder_organisation_id", ColumnType.Id, refs: "organisations.csv"),
        C("funder_name", ColumnType.Text, max: 200, feed: false),
        C("amount", ColumnType.Amount, true),
        C("nature", ColumnType.Code, true, "NATURE_FINANCEMENT"),
        C("mobilised", ColumnType.Boolean, true),
    ], typeof(Domain.Fse.Financing), "F");

    public static readonly FileSpec Actions = new("actions.csv",
    [
        C("action_id", ColumnType.Id, true, prop: "ExternalId", key: true),
        C("call_id", ColumnType.Id, true),
        C("convention_id", ColumnType.Id),
        C("action_type", ColumnType.Code, true, "TYPE_ACTION_INSERTION"),
        C("local_action_type", ColumnType.Text, max: 32),
        C("funder_organisation_id", ColumnType.Id, true, refs: "organisations.csv"),
        C("operator_organisation_id", ColumnType.Id, true, refs: "organisations.csv"),
        C("territory_code", ColumnType.Text, true, max: 32),
        C("operating_mode", ColumnType.Code, true, "MODE_FONCTIONNEMENT_ACTION"),
        C("funded_places", ColumnType.Integer, true),
        C("reference_places", ColumnType.Integer),
        C("reference_lump_sum", ColumnType.Amount),
        C("annual_amount", ColumnType.Amount, true),
        C("funding_mode", ColumnType.Code, true, "MODE_FINANCEMENT_ACTION"),
        C("period_start", ColumnType.Date, true, planned: true),
        C("period_end", ColumnType.Date, true, planned: true, notBefore: "period_start"),
        C("application_status", ColumnType.Code, list: "STATUT_CANDIDATURE_AAP"),
        C("qpv_places_forecast", ColumnType.Integer),
    ], typeof(Domain.Offer.InsertionAction), "A");

    public static readonly FileSpec MonthlyReports = new("monthly_reports.csv",
    [
        C("action_id", ColumnType.Id, true, refs: "actions.csv"),
        C("month", ColumnType.Month, true),
        C("accompanied_last_day", ColumnType.Integer, true),
        C("entries", ColumnType.Integer, true),
        C("exits_emploi_durable", ColumnType.Integer, true),
        C("exits_emploi_transition", ColumnType.Integer, true),
        C("exits_positive", ColumnType.Integer, true),
        C("exits_autre", ColumnType.Integer, true),
        C("submitted_on", ColumnType.Date),
    ], typeof(Domain.Offer.MonthlyReport), "MR") { KeyColumns = [0, 1] };

    public static readonly FileSpec ClauseMarkets = new("clause_markets.csv",
    [
        C("market_id", ColumnType.Id, true, prop: "ExternalId", key: true),
        C("buyer_organisation_id", ColumnType.Id, true, refs: "organisations.csv"),
        C("clause_operation_id", ColumnType.Id),
        C("operation_name", ColumnType.Text, max: 200, feed: false),
        C("lot", ColumnType.Text, max: 16),
        C("legal_basis", ColumnType.Code, true, "BASE_JURIDIQUE_CLAUSE"),
        C("insertion_award_criterion", ColumnType.Boolean),
        C("market_kind", ColumnType.Code, true, "TYPE_MARCHE"),
        C("hours_required", ColumnType.Decimal),
        C("start_date", ColumnType.Date, planned: true),
        C("end_date", ColumnType.Date, planned: true, notBefore: "start_date"),
        C("awardee_siret", ColumnType.Siret),
        C("awardee_organisation_id", ColumnType.Id, refs: "organisations.csv"),
        C("qpv_anru", ColumnType.Boolean),
        C("facilitator_organisation_id", ColumnType.Id, refs: "organisations.csv"),
    ], typeof(Domain.Clauses.ClauseMarket), "M");

    public static readonly FileSpec ClauseHours = new("clause_hours.csv",
    [
        C("hours_id", ColumnType.Id, true, prop: "ExternalId", pseudo: "clause_hours", key: true),
        C("market_id", ColumnType.Id, true, refs: "clause_markets.csv"),
        C("participant_id", ColumnType.Id, refs: "participants.csv", pseudo: "participant"),
        C("pathway_id", ColumnType.Id, refs: "pathways.csv", pseudo: "pathway"),
        C("employer_siret", ColumnType.Siret, feed: false),
        C("modality", ColumnType.Code, true, "MODALITE_CLAUSE"),
        C("period_start", ColumnType.Date, true),
        C("period_end", ColumnType.Date, true, notBefore: "period_start"),
        C("hours", ColumnType.Decimal, true),
        C("contract_type", ColumnType.Code, list: "TYPE_CONTRAT"),
        C("eligible_public", ColumnType.Code, list: "PUBLIC_CLAUSE"),
    ], typeof(Domain.Clauses.ClauseHours), "H");

    /// <summary>deletions.csv (§5.15, §7.4): not stored as such; its rows delete records of the other files.</summary>
    public static readonly FileSpec Deletions = new("deletions.csv",
    [
        C("file", ColumnType.Text, true, max: 32),
        C("id", ColumnType.Id, true),
        C("month", ColumnType.Month),
    ], typeof(object), "");

    /// <summary>pseudonym_rekey.csv (§9.4): in a feed after a key change, old and new pseudonyms of each entity.</summary>
    public static readonly FileSpec PseudonymRekey = new("pseudonym_rekey.csv",
    [
        C("entity", ColumnType.Text, true, max: 32),
        C("old_pseudonym", ColumnType.Text, true, max: 64),
        C("new_pseudonym", ColumnType.Text, true, max: 64),
    ], typeof(object), "");

    /// <summary>
    /// Every stored file, in the order they are validated and written: a file comes after the files whose dates or
    /// kinds its cross-file rules read (actions before steps, steps before monthly reports, markets before hours).
    /// </summary>
    public static readonly IReadOnlyList<FileSpec> Files =
    [
        Organisations, Referents, Operations, Financings, Actions, ClauseMarkets, Participants, Pathways, Steps, Barriers, Contracts, Appointments,
        MonthlyReports, ClauseHours,
    ];

    /// <summary>Files of an anonymised feed (§9.2) that Parcours stores (pseudonym_rekey.csv is handled apart).</summary>
    public static readonly IReadOnlySet<string> FeedFiles = new HashSet<string>(StringComparer.Ordinal)
    {
        "organisations.csv", "referents.csv", "participants.csv", "pathways.csv", "steps.csv", "operations.csv", "financings.csv",
        "clause_markets.csv", "clause_hours.csv",
    };

    /// <summary>The five entity names of the pseudonyms (§9.4) and the file whose key each one replaces.</summary>
    public static readonly IReadOnlyDictionary<string, string> PseudonymFiles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["participant"] = "participants.csv", ["pathway"] = "pathways.csv", ["step"] = "steps.csv", ["referent"] = "referents.csv",
        ["clause_hours"] = "clause_hours.csv",
    };

    /// <summary>The local key of a record (§4.2) from the trimmed cells of its key columns; null when one is empty.</summary>
    public static string? LocalKey(FileSpec spec, Func<int, string?> cell)
    {
        if (!spec.CompositeKey) return cell(spec.KeyColumns[0]) is { Length: > 0 } k ? k : null;
        var parts = new string[spec.KeyColumns.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (cell(spec.KeyColumns[i]) is not { Length: > 0 } part) return null;
            parts[i] = part;
        }
        return string.Join('|', parts);
    }

    public static FileSpec? Find(string fileName) => Files.FirstOrDefault(f => f.Name == fileName);

    /// <summary>True for the names of §5 that Parcours reads (data files, deletions.csv, pseudonym_rekey.csv).</summary>
    public static bool IsKnownFile(string fileName) => Find(fileName) is not null || fileName == Deletions.Name || fileName == PseudonymRekey.Name;

    private static FileSpec Feed(FileSpec spec, string[] kept) => spec with
    {
        Columns = spec.Columns.Select(c => c with { KeptInFeed = kept.Contains(c.Name) }).ToList(),
    };

    /// <summary>The columns written in a file: all of them, or the kept ones of §9.2 in an anonymised dataset.</summary>
    public static IReadOnlyList<ColumnSpec> ExportedColumns(FileSpec spec, bool anonymised) =>
        anonymised ? spec.Columns.Where(c => c.KeptInFeed).ToList() : spec.Columns;
}
