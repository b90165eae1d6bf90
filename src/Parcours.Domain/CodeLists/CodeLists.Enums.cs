// Enums of the code lists of docs/spec/codelists.md (version 1).
// Members are spelled exactly as the codes: storage, API and files carry the same string.
// Numeric values start at 1 so that default(T) is never a valid code; never persist the numbers.
// CodeListDocumentTests keeps these enums, codelists.json and the document in agreement.

#pragma warning disable CA1707 // Identifiers should not contain underscores: members are the codes.

namespace Parcours.Domain.CodeLists;

/// <summary><c>SEXE</c> (codelists.md §2.1, exchanged).</summary>
[CodeList("SEXE")]
public enum Sex
{
    FEMME = 1,
    HOMME,
    NON_BINAIRE,
}

/// <summary><c>CLASSE_AGE_26</c>: two classes, used by the national PLIE consolidation (codelists.md §2.2, derived).</summary>
[CodeList("CLASSE_AGE_26")]
public enum AgeClass26
{
    MOINS_26 = 1,
    PLUS_26,
}

/// <summary><c>TRANCHE_AGE</c>: five bands, used by the national PLIE consolidation (codelists.md §2.2, derived).</summary>
[CodeList("TRANCHE_AGE")]
public enum AgeBand
{
    AGE_15_24 = 1,
    AGE_25_44,
    AGE_45_54,
    AGE_55_64,
    AGE_65_PLUS,
}

/// <summary><c>CATEGORIE_AGE</c>: non-exclusive age categories used by indicators (codelists.md §2.2, derived).</summary>
[CodeList("CATEGORIE_AGE")]
public enum AgeCategory
{
    JEUNE = 1,
    SENIOR,
    SENIOR_50,
    AGE_55_PLUS,
    MOINS_25,
    MOINS_18,
    AGE_18_29,
}

/// <summary><c>CATEGORIE_PUBLIC</c>: public category at entry (codelists.md §2.3, exchanged).</summary>
[CodeList("CATEGORIE_PUBLIC")]
public enum PublicCategory
{
    DELD = 1,
    RSA,
    AUTRE,
}

/// <summary><c>INDICATEUR_PUBLIC</c>: flags at entry (codelists.md §2.4, exchanged).</summary>
[CodeList("INDICATEUR_PUBLIC")]
public enum PublicFlag
{
    TH = 1,
    INSCRIT_FRANCE_TRAVAIL,
    QPV,
    PARENT_ISOLE,
    RSA_DROITS_DEVOIRS,
}

/// <summary><c>DUREE_INACTIVITE</c>: time without work at entry (codelists.md §2.5, exchanged).</summary>
[CodeList("DUREE_INACTIVITE")]
public enum InactivityBand
{
    MOINS_1_AN = 1,
    DE_1_A_2_ANS,
    DE_2_A_3_ANS,
    DE_3_A_5_ANS,
    PLUS_5_ANS,
    AUCUNE_ACTIVITE,
}

/// <summary><c>REPONSE_DECLARATIVE</c> (codelists.md §2.6, exchanged).</summary>
[CodeList("REPONSE_DECLARATIVE")]
public enum DeclarativeAnswer
{
    OUI = 1,
    NON,
    NE_SOUHAITE_PAS_REPONDRE,
}

/// <summary><c>NIVEAU_FORMATION_1969</c> (codelists.md §3.1, exchanged).</summary>
[CodeList("NIVEAU_FORMATION_1969")]
public enum EducationLevel1969
{
    VI = 1,
    V_BIS,
    V,
    IV,
    III,
    II,
    I,
    INDETERMINE,
}

/// <summary><c>NIVEAU_CERTIFICATION_2019</c> (codelists.md §3.2, exchanged).</summary>
[CodeList("NIVEAU_CERTIFICATION_2019")]
public enum CertificationLevel2019
{
    NIVEAU_1 = 1,
    NIVEAU_2,
    NIVEAU_3,
    NIVEAU_4,
    NIVEAU_5,
    NIVEAU_6,
    NIVEAU_7,
    NIVEAU_8,
}

/// <summary><c>NIVEAU_FORMATION_FT</c>: France Travail codes (codelists.md §3.3, exchanged).</summary>
[CodeList("NIVEAU_FORMATION_FT")]
public enum EducationLevelFt
{
    AFS = 1,
    CP4,
    CFG,
    C3A,
    C12,
    NV5,
    NV4,
    NV3,
    NV2,
    NV1,
}

/// <summary><c>GROUPE_CITE</c>: ISCED 2011 groups (codelists.md §3.4, exchanged).</summary>
[CodeList("GROUPE_CITE")]
public enum IscedGroup
{
    CITE_0 = 1,
    CITE_1_2,
    CITE_3_4,
    CITE_5_8,
}

/// <summary><c>GROUPE_NIVEAU_CONSOLIDATION</c> (codelists.md §3.5, derived).</summary>
[CodeList("GROUPE_NIVEAU_CONSOLIDATION")]
public enum ConsolidationEducationGroup
{
    VI = 1,
    V_BIS,
    V,
    IV_ET_PLUS,
    INDETERMINE,
}

/// <summary><c>DISPOSITIF</c>: scheme of a pathway (codelists.md §4.1, exchanged).</summary>
[CodeList("DISPOSITIF")]
public enum Scheme
{
    PLIE = 1,
    ACCOMPAGNEMENT_RSA,
    CLAUSE_SOCIALE,
    AUTRE,
}

/// <summary><c>TYPE_PRESCRIPTEUR</c>: kind of prescriber («prescripteur», «orienteur») (codelists.md §4.2, exchanged).</summary>
[CodeList("TYPE_PRESCRIPTEUR")]
public enum PrescriberKind
{
    FRANCE_TRAVAIL = 1,
    MISSION_LOCALE,
    CAP_EMPLOI,
    DEPARTEMENT,
    CCAS,
    COMMUNE,
    CAF_MSA,
    ASSOCIATION,
    JUSTICE,
    SANTE_HANDICAP,
    PLIE,
    SIAE,
    FACILITATEUR_CLAUSES,
    ORGANISME_FORMATION,
    ENTREPRISE,
    CANDIDATURE_SPONTANEE,
    AUTRE,
}

/// <summary><c>MOTIF_NON_ENTREE</c>: reason for a non-entry (codelists.md §4.3, exchanged).</summary>
[CodeList("MOTIF_NON_ENTREE")]
public enum NonEntryReason
{
    ABSENCE_RDV = 1,
    DEJA_EN_EMPLOI_FORMATION,
    REFUS_ACCOMPAGNEMENT,
    REORIENTATION,
    PROBLEMES_PERSONNELS,
    HORS_CRITERES,
    AUTRE,
}

/// <summary><c>STATUT_PARCOURS</c>: status of a pathway (codelists.md §4.4, exchanged).</summary>
[CodeList("STATUT_PARCOURS")]
public enum PathwayStatus
{
    PRESCRIT = 1,
    PRE_AFFECTE,
    CONVOQUE,
    ENTRETIEN,
    EN_COMMISSION,
    ENTRE,
    EN_VEILLE,
    SORTI,
    NON_ENTRE,
}

/// <summary><c>TYPE_RDV</c>: kind of appointment (codelists.md §4.5, exchanged).</summary>
[CodeList("TYPE_RDV")]
public enum AppointmentKind
{
    ENTRETIEN_PREALABLE = 1,
    ENTRETIEN_INDIVIDUEL,
    ENTRETIEN_TRIPARTITE,
    INFORMATION_COLLECTIVE,
    ATELIER_COLLECTIF,
    BILAN_ETAPE,
    SUIVI_EMPLOI,
    VISITE_ENTREPRISE,
    ENTRETIEN_DISTANCE,
    AUTRE,
}

/// <summary><c>ROLE_PROFESSIONNEL</c> (codelists.md §4.6, exchanged).</summary>
[CodeList("ROLE_PROFESSIONNEL")]
public enum ProfessionalRole
{
    REFERENT_PARCOURS = 1,
    REFERENT_UNIQUE_RSA,
    REFERENT_ETAPE,
    COACH_EMPLOI,
    CONSEILLER_IOD,
    CHARGE_RELATIONS_ENTREPRISES,
    FACILITATEUR_CLAUSES,
    CHARGE_ORIENTATION,
    CHARGE_PROJET,
    COORDINATEUR,
    ASSISTANT_ADMINISTRATIF,
    AUTRE,
}

/// <summary><c>FAMILLE_ETAPE</c> (codelists.md §5.1, derived).</summary>
[CodeList("FAMILLE_ETAPE")]
public enum StepFamily
{
    MOBILISATION = 1,
    EMPLOI_PARCOURS_IAE,
    EMPLOI_PARCOURS_HORS_IAE,
    EMPLOI_PARCOURS_AUTRE,
    EMPLOI_SORTIE,
    FORMATION_QUALIFIANTE,
    FORMATION_NON_QUALIFIANTE,
    MEDIATION_EMPLOI,
    CREATION_ENTREPRISE,
    PMSMP,
    LEVEE_FREINS,
    CLAUSE_SOCIALE,
    AUTRE,
}

/// <summary><c>TYPE_ETAPE</c> (codelists.md §5.2, exchanged).</summary>
[CodeList("TYPE_ETAPE")]
public enum StepType
{
    ACTION_MOBILISATION = 1,
    ATELIER_COLLECTIF,
    BILAN_DIAGNOSTIC,
    ENGAGEMENT_CITOYEN,
    ACI,
    EI,
    ETTI,
    AI,
    EITI,
    RQ,
    CUI_CAE,
    CUI_CIE,
    GEIQ,
    EMPLOI_AVENIR,
    CDD_COURT,
    INTERIM,
    CDI_TEMPS_PARTIEL,
    AUTRE_CONTRAT,
    EMPLOI_SORTIE,
    FORMATION_QUALIFIANTE,
    VAE,
    FORMATION_LINGUISTIQUE,
    SAVOIRS_DE_BASE,
    PREPARATION_OPERATIONNELLE,
    AUTRE_FORMATION_NON_QUALIFIANTE,
    IOD,
    PARRAINAGE,
    PRESTATION_EMPLOI,
    COACHING_EMPLOI,
    MISE_EN_RELATION,
    CREATION_ENTREPRISE,
    PMSMP,
    LEVEE_FREINS,
    ACCOMPAGNEMENT_SOCIAL,
    CLAUSE_SOCIALE,
    AUTRE_ETAPE,
}

/// <summary><c>LIGNE_CONSOLIDATION_ETAPE</c>: rows of the national PLIE table of steps (codelists.md §5.3, derived).</summary>
[CodeList("LIGNE_CONSOLIDATION_ETAPE")]
public enum ConsolidationStepRow
{
    MOBILISATION = 1,
    EMPLOIS_PARCOURS,
    IAE,
    IAE_ACI,
    IAE_EI,
    IAE_ETTI,
    IAE_AI,
    IAE_RQ,
    IAE_EITI,
    HORS_IAE,
    CONTRATS_AIDES,
    AIDE_CUI_CAE,
    AIDE_CUI_CIE,
    AIDE_GEIQ,
    AIDE_EMPLOI_AVENIR,
    CONTRATS_NON_AIDES,
    NON_AIDE_CDD_COURT,
    NON_AIDE_INTERIM,
    NON_AIDE_CDI_TEMPS_PARTIEL,
    AUTRES_CONTRATS,
    EMPLOI_SORTIE,
    FORMATION,
    FORMATION_QUALIFIANTE,
    FORMATION_NON_QUALIFIANTE,
    MEDIATION_EMPLOI,
    CREATION_ENTREPRISE,
}

/// <summary><c>TYPE_CONTRAT</c> (codelists.md §5.5, exchanged).</summary>
[CodeList("TYPE_CONTRAT")]
public enum ContractType
{
    CDI = 1,
    CDD,
    CDDI,
    INTERIM,
    INTERIM_INSERTION,
    APPRENTISSAGE,
    PROFESSIONNALISATION,
    CUI_CAE,
    CUI_CIE,
    CREATION_ENTREPRISE,
    AUTRE,
}

/// <summary><c>CATEGORIE_SORTIE</c> (codelists.md §6.1, derived).</summary>
[CodeList("CATEGORIE_SORTIE")]
public enum ExitCategory
{
    POSITIVE = 1,
    SANS_SUITE,
}

/// <summary><c>MOTIF_SORTIE</c>: exit reason (codelists.md §6.2, exchanged).</summary>
[CodeList("MOTIF_SORTIE")]
public enum ExitReason
{
    EMPLOI_DURABLE = 1,
    EMPLOI_AIDE_6_MOIS,
    CREATION_ACTIVITE,
    FORMATION_QUALIFIANTE,
    AUTRE_POSITIVE,
    ABANDON,
    DEMENAGEMENT,
    DECES,
    RETRAITE,
    MATERNITE,
    SANTE,
    REORIENTATION,
    NON_RESPECT_CONTRAT,
    DUREE_MAXIMALE,
    SITUATION_ADMINISTRATIVE,
    INDISPONIBLE,
    EMPLOI_TRANSITION,
    CONTRAT_SIAE,
    AUTRE_ACTION_INSERTION,
    ACCES_DROITS,
    FIN_DROITS_RSA,
    AUTRE_SANS_SUITE,
}

/// <summary><c>LIGNE_CONSOLIDATION_SORTIE</c>: rows of the national PLIE flow table (codelists.md §6.3, derived).</summary>
[CodeList("LIGNE_CONSOLIDATION_SORTIE")]
public enum ConsolidationExitRow
{
    EMPLOI = 1,
    FORMATION,
    AUTRES_POSITIVES,
    ABANDON,
    DEMENAGEMENT_DECES_RETRAITE,
    AUTRES_SANS_SUITE,
}

/// <summary><c>CATEGORIE_SORTIE_DEPARTEMENT</c>: exit categories of a Département call for projects (codelists.md §6.4, derived).</summary>
[CodeList("CATEGORIE_SORTIE_DEPARTEMENT")]
public enum DepartementExitCategory
{
    EMPLOI_DURABLE = 1,
    EMPLOI_TRANSITION,
    POSITIVE,
    AUTRE,
}

/// <summary><c>TYPE_EMPLOYEUR</c> (codelists.md §7.1, exchanged).</summary>
[CodeList("TYPE_EMPLOYEUR")]
public enum EmployerKind
{
    ENTREPRISE = 1,
    ASSOCIATION,
    SECTEUR_PUBLIC,
    PARTICULIER,
}

/// <summary><c>TAILLE_ETABLISSEMENT</c>: size of the establishment (codelists.md §7.2, exchanged).</summary>
[CodeList("TAILLE_ETABLISSEMENT")]
public enum EstablishmentSize
{
    TAILLE_0 = 1,
    TAILLE_1_9,
    TAILLE_10_49,
    TAILLE_50_199,
    TAILLE_200_999,
    TAILLE_1000_PLUS,
}

/// <summary><c>SECTION_NAF</c>: sections of the NAF rév. 2 (codelists.md §7.3, exchanged).</summary>
[CodeList("SECTION_NAF")]
public enum NafSection
{
    A = 1,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
    N,
    O,
    P,
    Q,
    R,
    S,
    T,
    U,
}

/// <summary><c>DOMAINE_FORMATION</c>: training domains (national PLIE table of exits to training) (codelists.md §7.4, exchanged).</summary>
[CodeList("DOMAINE_FORMATION")]
public enum TrainingDomain
{
    AGRICULTURE_PAYSAGE = 1,
    BATIMENT_TP,
    SERVICES_ENTREPRISES_COLLECTIVITES,
    SERVICES_PERSONNE_SANTE_SOCIAL,
    EDUCATION_FORMATION,
    METIERS_BOUCHE_ALIMENTATION,
    ARTS_ARTISANAT_MULTIMEDIA,
    COMMERCE_DISTRIBUTION,
    TOURISME_HOTELLERIE_RESTAURATION,
    INFORMATIQUE_COMMUNICATION,
    PRODUCTION_MANUTENTION_INDUSTRIE,
    SECRETARIAT_COMPTABILITE_GESTION,
    TEXTILE_HABILLEMENT_CUIR,
    ELECTRICITE_ELECTRONIQUE,
    TRANSPORT_LOGISTIQUE,
    MECANIQUE_MATERIAUX,
    ESTHETIQUE_COSMETIQUE,
    BANQUE_FINANCE_ASSURANCE,
    FORMATION_GENERALE,
}

/// <summary><c>NATURE_VALIDATION</c>: nature of the validation of a training course (codelists.md §7.5, exchanged).</summary>
[CodeList("NATURE_VALIDATION")]
public enum ValidationNature
{
    DIPLOME_EDUCATION_NATIONALE = 1,
    DIPLOME_JEUNESSE_SPORTS,
    DIPLOME_AFFAIRES_SOCIALES,
    DIPLOME_AGRICULTURE,
    CQP,
    CMP,
    TITRE_PROFESSIONNEL,
    AUTRE,
    AUCUNE,
}

/// <summary><c>DUREE_FORMATION</c> (codelists.md §7.6, derived).</summary>
[CodeList("DUREE_FORMATION")]
public enum TrainingDuration
{
    MOINS_3_MOIS = 1,
    DE_3_A_6_MOIS,
    DE_6_A_12_MOIS,
    PLUS_12_MOIS,
}

/// <summary><c>CATEGORIE_FREIN</c>: barriers to employment («freins») (codelists.md §8, exchanged).</summary>
[CodeList("CATEGORIE_FREIN")]
public enum BarrierCategory
{
    MOBILITE = 1,
    GARDE_ENFANTS,
    SANTE,
    LOGEMENT,
    LANGUE_SAVOIRS_BASE,
    NUMERIQUE,
    FINANCIER,
    IMAGE_DE_SOI,
    LONGUE_ABSENCE_EMPLOI,
    REPRESENTATION_TRAVAIL,
    ADMINISTRATIF_JUSTICE,
    ISOLEMENT_SOCIAL,
    PROJET_PROFESSIONNEL,
    AUTRE,
}

/// <summary><c>TYPE_ORIENTATION_RSA</c> (codelists.md §9.1, exchanged).</summary>
[CodeList("TYPE_ORIENTATION_RSA")]
public enum RsaOrientationType
{
    SOCIALE = 1,
    PROFESSIONNELLE,
    SOCIO_PROFESSIONNELLE,
}

/// <summary><c>TYPE_CONTRAT_ENGAGEMENT</c>: commitment contracts (codelists.md §9.2, exchanged).</summary>
[CodeList("TYPE_CONTRAT_ENGAGEMENT")]
public enum CommitmentContractKind
{
    CER = 1,
    PPAE,
    CONTRAT_ENGAGEMENT,
    CEJ,
    PACEA,
    CONTRAT_PLIE,
}

/// <summary><c>TYPE_ORGANISATION</c> (codelists.md §10.1, exchanged).</summary>
[CodeList("TYPE_ORGANISATION")]
public enum OrganisationKind
{
    PLIE = 1,
    MAISON_EMPLOI,
    DEPARTEMENT,
    REGION,
    ETAT,
    COLLECTIVITE,
    CCAS,
    ETABLISSEMENT_PUBLIC,
    OI,
    OI_PIVOT,
    FRANCE_TRAVAIL,
    MISSION_LOCALE,
    CAP_EMPLOI,
    ACI,
    EI,
    ETTI,
    AI,
    EITI,
    GEIQ,
    RQ,
    EA,
    ESAT,
    ORGANISME_FORMATION,
    ASSOCIATION,
    BAILLEUR_SOCIAL,
    ENTREPRISE,
    AUTRE,
}

/// <summary><c>TYPE_FINANCEUR</c> (codelists.md §10.2, exchanged).</summary>
[CodeList("TYPE_FINANCEUR")]
public enum FunderKind
{
    COMMUNE_EPCI = 1,
    CONSEIL_DEPARTEMENTAL,
    CONSEIL_REGIONAL,
    ETAT,
    FSE,
    AUTRE_PUBLIC,
    AUTRE_PRIVE,
    AUTOFINANCEMENT,
}

/// <summary><c>NATURE_FINANCEMENT</c> (codelists.md §10.3, exchanged).</summary>
[CodeList("NATURE_FINANCEMENT")]
public enum FinancingNature
{
    DIRECT = 1,
    INDIRECT,
}

/// <summary><c>OBJECTIF_SPECIFIQUE_FSE</c> (codelists.md §10.4, exchanged).</summary>
[CodeList("OBJECTIF_SPECIFIQUE_FSE")]
public enum FseSpecificObjective
{
    AXE3_OS1 = 1,
    AXE3_OS2,
    AXE3_OS3,
    AXE4_AT,
    FSE_PLUS_2021_2027,
}

/// <summary><c>POSTE_DEPENSE_PLIE</c>: expense headings of the PLIE programming (codelists.md §10.5, exchanged).</summary>
[CodeList("POSTE_DEPENSE_PLIE")]
public enum PlieExpenseHeading
{
    ANIMATION = 1,
    ASSISTANCE_PARTICIPANTS,
    POSTES_REFERENTS,
    CLAUSES,
    ACTIONS_DYNAMISATION,
}

/// <summary><c>MODE_ACHAT</c>: how an operation is procured (codelists.md §10.6, exchanged).</summary>
[CodeList("MODE_ACHAT")]
public enum ProcurementMode
{
    APPEL_A_PROJETS = 1,
    SUBVENTION_DIRECTE,
    MARCHE_PUBLIC,
    LETTRE_DE_COMMANDE,
    OPERATION_INTERNE,
}

/// <summary><c>UNITE_OBJECTIF</c> (codelists.md §10.7, exchanged).</summary>
[CodeList("UNITE_OBJECTIF")]
public enum ObjectiveUnit
{
    PARTICIPANTS = 1,
    ETP,
}

/// <summary><c>STATUT_LIGNE_PROGRAMMATION</c>: status of an annual programming line (codelists.md §10.8, exchanged).</summary>
[CodeList("STATUT_LIGNE_PROGRAMMATION")]
public enum ProgrammingLineStatus
{
    BROUILLON = 1,
    A_VOTER,
    VOTEE,
    DEPOSEE,
    INSTRUITE,
    PROGRAMMEE,
    CONVENTIONNEE,
    BILAN_DEPOSE,
    CONTROLEE,
    SOLDEE,
    ABANDONNEE,
    INTEGREE,
}

/// <summary><c>STATUT_CANDIDATURE_AAP</c>: status of an application (codelists.md §11.1, exchanged).</summary>
[CodeList("STATUT_CANDIDATURE_AAP")]
public enum ApplicationStatus
{
    BROUILLON = 1,
    DEPOSEE,
    HORS_DELAI,
    NON_RECEVABLE,
    RECEVABLE,
    EN_INSTRUCTION,
    RETENUE,
    NON_RETENUE,
    CONVENTIONNEE,
    DESISTEMENT,
}

/// <summary><c>TYPE_ACTION_INSERTION</c>: types of funded actions (codelists.md §11.2, exchanged).</summary>
[CodeList("TYPE_ACTION_INSERTION")]
public enum InsertionActionType
{
    IOD = 1,
    REFERENT_ADOSSE_IOD,
    MEDIATION_SPECIALISEE,
    PREPARATION_EMPLOI,
    COACHING_EMPLOI,
    MISE_EN_SITUATION,
    ACCOMPAGNEMENT_ETI,
    ACI,
    LEVEE_FREINS,
    ACCOMPAGNEMENT_SOCIAL_INDIVIDUEL,
    ACTION_COLLECTIVE_INCLUSION,
    AUTRE,
}

/// <summary><c>MODE_FONCTIONNEMENT_ACTION</c> (codelists.md §11.3, exchanged).</summary>
[CodeList("MODE_FONCTIONNEMENT_ACTION")]
public enum ActionOperatingMode
{
    FILE_ACTIVE_MENSUELLE = 1,
    ANNUEL,
}

/// <summary><c>MODE_FINANCEMENT_ACTION</c> (codelists.md §11.4, exchanged).</summary>
[CodeList("MODE_FINANCEMENT_ACTION")]
public enum ActionFundingMode
{
    FORFAIT_PAR_PLACE_PRORATA = 1,
    SUBVENTION_SUR_PROJET,
}

/// <summary><c>BASE_JURIDIQUE_CLAUSE</c>: legal basis of the insertion clause (codelists.md §12.1, exchanged).</summary>
[CodeList("BASE_JURIDIQUE_CLAUSE")]
public enum ClauseLegalBasis
{
    CONDITION_EXECUTION = 1,
    CRITERE_ATTRIBUTION,
    MARCHE_INSERTION,
    MARCHE_RESERVE_SIAE,
    MARCHE_RESERVE_EA_ESAT,
    MARCHE_RESERVE_ESS,
}

/// <summary><c>TYPE_MARCHE</c> (codelists.md §12.2, exchanged).</summary>
[CodeList("TYPE_MARCHE")]
public enum MarketKind
{
    TRAVAUX = 1,
    SERVICES,
    FOURNITURES,
}

/// <summary><c>MODALITE_CLAUSE</c>: how the contractor fulfils the clause (codelists.md §12.3, exchanged).</summary>
[CodeList("MODALITE_CLAUSE")]
public enum ClauseModality
{
    EMBAUCHE_DIRECTE = 1,
    MISE_A_DISPOSITION_AI,
    MISE_A_DISPOSITION_ETTI,
    MISE_A_DISPOSITION_GEIQ,
    MISE_A_DISPOSITION_ETT,
    SOUS_TRAITANCE,
    CO_TRAITANCE,
}

/// <summary><c>PUBLIC_CLAUSE</c>: publics eligible to insertion hours (codelists.md §12.4, exchanged).</summary>
[CodeList("PUBLIC_CLAUSE")]
public enum ClausePublic
{
    DELD = 1,
    RSA,
    TH,
    MINIMA_SOCIAUX,
    JEUNE_SANS_QUALIFICATION,
    PARCOURS_INSERTION,
    AUTRE_VALIDE,
}

/// <summary><c>SITUATION_ENTREE_FSE</c>: labour-market status at entry (codelists.md §13.1, exchanged).</summary>
[CodeList("SITUATION_ENTREE_FSE")]
public enum FseEntrySituation
{
    EMPLOYE = 1,
    CHOMEUR,
    CHOMEUR_LONGUE_DUREE,
    INACTIF,
    INACTIF_HORS_FORMATION,
}

/// <summary><c>SITUATION_SORTIE_FSE</c>: situation after exit (codelists.md §13.2, exchanged).</summary>
[CodeList("SITUATION_SORTIE_FSE")]
public enum FseExitSituation
{
    EMPLOI_SALARIE = 1,
    EMPLOI_INDEPENDANT,
    RECHERCHE_EMPLOI,
    INACTIF,
    NON_JOIGNABLE,
}

/// <summary><c>INDICATEUR_FSE_2014_2020</c>: ESF regulation 1304/2013 Annex I (codelists.md §13.4, derived).</summary>
[CodeList("INDICATEUR_FSE_2014_2020")]
public enum FseIndicator2014
{
    CO01 = 1,
    CO02,
    CO03,
    CO04,
    CO05,
    CO06,
    CO07,
    CO08,
    CO09,
    CO10,
    CO11,
    CO12,
    CO13,
    CO14,
    CO15,
    CO16,
    CO17,
    CO18,
    CO19,
    CR01,
    CR02,
    CR03,
    CR04,
    CR05,
    CR06,
    CR07,
    CR08,
    CR09,
}

/// <summary><c>INDICATEUR_FSE_PLUS_2021_2027</c>: ESF+ regulation 2021/1057 Annex I (codelists.md §13.5, derived).</summary>
[CodeList("INDICATEUR_FSE_PLUS_2021_2027")]
public enum FseIndicator2021
{
    EECO01 = 1,
    EECO02,
    EECO03,
    EECO04,
    EECO05,
    EECO06,
    EECO07,
    EECO08,
    EECO09,
    EECO10,
    EECO11,
    EECO12,
    EECO13,
    EECO14,
    EECO15,
    EECO16,
    EECO17,
    EECO18,
    EECO19,
    EECR01,
    EECR02,
    EECR03,
    EECR04,
    EECR05,
}
#pragma warning restore CA1707
