namespace Parcours.Domain.CodeLists;

/// <summary>Correspondences between education nomenclatures (codelists.md §3).</summary>
public static class Education
{
    /// <summary>
    /// France Travail code to 1969 level (codelists.md §3.3, column "1969 level"; §3.6 rule 1:
    /// the mapping is exact).
    /// </summary>
    public static EducationLevel1969 To1969(EducationLevelFt level) => level switch
    {
        EducationLevelFt.AFS or EducationLevelFt.CP4 or EducationLevelFt.CFG => EducationLevel1969.VI,
        EducationLevelFt.C3A => EducationLevel1969.V_BIS,
        EducationLevelFt.C12 or EducationLevelFt.NV5 => EducationLevel1969.V,
        EducationLevelFt.NV4 => EducationLevel1969.IV,
        EducationLevelFt.NV3 => EducationLevel1969.III,
        EducationLevelFt.NV2 => EducationLevel1969.II,
        EducationLevelFt.NV1 => EducationLevel1969.I,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>
    /// 1969 level to the national PLIE consolidation group (codelists.md §3.1 column "Consolidation
    /// group", §3.5): levels IV to I are grouped in IV_ET_PLUS; INDETERMINE and an empty level
    /// («non connu») both give INDETERMINE.
    /// </summary>
    public static ConsolidationEducationGroup ConsolidationGroup(EducationLevel1969? level) => level switch
    {
        null or EducationLevel1969.INDETERMINE => ConsolidationEducationGroup.INDETERMINE,
        EducationLevel1969.VI => ConsolidationEducationGroup.VI,
        EducationLevel1969.V_BIS => ConsolidationEducationGroup.V_BIS,
        EducationLevel1969.V => ConsolidationEducationGroup.V,
        EducationLevel1969.IV or EducationLevel1969.III or EducationLevel1969.II or EducationLevel1969.I
            => ConsolidationEducationGroup.IV_ET_PLUS,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>
    /// France Travail code to the consolidation group (codelists.md §3.3 column "Consolidation group",
    /// §3.6 rule 1): the group of its 1969 level.
    /// </summary>
    public static ConsolidationEducationGroup ConsolidationGroup(EducationLevelFt level) =>
        ConsolidationGroup(To1969(level));

    /// <summary>
    /// 1969 level to 2019 certification level (codelists.md §3.1 column "2019 level", §3.6 rule 2,
    /// décret n° 2019-14): V → 3, IV → 4, III → 5, II → 6, I → 7 (Parcours takes NIVEAU_7 where the
    /// table says "NIVEAU_7 or NIVEAU_8"). VI, V bis ("below level 3") and INDETERMINE give null.
    /// </summary>
    public static CertificationLevel2019? To2019(EducationLevel1969 level) => level switch
    {
        EducationLevel1969.VI or EducationLevel1969.V_BIS or EducationLevel1969.INDETERMINE => null,
        EducationLevel1969.V => CertificationLevel2019.NIVEAU_3,
        EducationLevel1969.IV => CertificationLevel2019.NIVEAU_4,
        EducationLevel1969.III => CertificationLevel2019.NIVEAU_5,
        EducationLevel1969.II => CertificationLevel2019.NIVEAU_6,
        EducationLevel1969.I => CertificationLevel2019.NIVEAU_7,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>
    /// France Travail code to 2019 certification level (codelists.md §3.3 column "2019 level"). Unlike
    /// the 1969 level V, C12 (left before the terminale without a CAP or BEP) has no 2019 level.
    /// NV1 gives NIVEAU_7 where the table says "NIVEAU_7 or NIVEAU_8".
    /// </summary>
    public static CertificationLevel2019? To2019(EducationLevelFt level) => level switch
    {
        EducationLevelFt.AFS or EducationLevelFt.CP4 or EducationLevelFt.CFG or EducationLevelFt.C3A
            or EducationLevelFt.C12 => null,
        EducationLevelFt.NV5 => CertificationLevel2019.NIVEAU_3,
        EducationLevelFt.NV4 => CertificationLevel2019.NIVEAU_4,
        EducationLevelFt.NV3 => CertificationLevel2019.NIVEAU_5,
        EducationLevelFt.NV2 => CertificationLevel2019.NIVEAU_6,
        EducationLevelFt.NV1 => CertificationLevel2019.NIVEAU_7,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>
    /// Default ISCED group of a 1969 level (codelists.md §3.1 column "Default CITE group", a Parcours
    /// default per §3.6 rule 3). Level V gives CITE_3_4 (the CITE_1_2 exception for people who left
    /// before the terminale without a CAP or BEP needs the France Travail code). INDETERMINE gives null.
    /// The <c>isced_group</c> recorded on the pathway always prevails.
    /// </summary>
    public static IscedGroup? DefaultIsced(EducationLevel1969 level) => level switch
    {
        EducationLevel1969.VI or EducationLevel1969.V_BIS => IscedGroup.CITE_1_2,
        EducationLevel1969.V or EducationLevel1969.IV => IscedGroup.CITE_3_4,
        EducationLevel1969.III or EducationLevel1969.II or EducationLevel1969.I => IscedGroup.CITE_5_8,
        EducationLevel1969.INDETERMINE => null,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>
    /// Default ISCED group of a France Travail code (codelists.md §3.3 column "CITE group", a Parcours
    /// default per §3.6 rule 3). The <c>isced_group</c> recorded on the pathway always prevails.
    /// </summary>
    public static IscedGroup DefaultIsced(EducationLevelFt level) => level switch
    {
        EducationLevelFt.AFS => IscedGroup.CITE_0,
        EducationLevelFt.CP4 or EducationLevelFt.CFG or EducationLevelFt.C3A or EducationLevelFt.C12 => IscedGroup.CITE_1_2,
        EducationLevelFt.NV5 or EducationLevelFt.NV4 => IscedGroup.CITE_3_4,
        EducationLevelFt.NV3 or EducationLevelFt.NV2 or EducationLevelFt.NV1 => IscedGroup.CITE_5_8,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>
    /// ISCED group of a 2019 certification level (codelists.md §3.2 column "CITE group").
    /// </summary>
    public static IscedGroup DefaultIsced(CertificationLevel2019 level) => level switch
    {
        CertificationLevel2019.NIVEAU_1 or CertificationLevel2019.NIVEAU_2 => IscedGroup.CITE_1_2,
        CertificationLevel2019.NIVEAU_3 or CertificationLevel2019.NIVEAU_4 => IscedGroup.CITE_3_4,
        CertificationLevel2019.NIVEAU_5 or CertificationLevel2019.NIVEAU_6 or CertificationLevel2019.NIVEAU_7
            or CertificationLevel2019.NIVEAU_8 => IscedGroup.CITE_5_8,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>
    /// True when a pathway's <c>education_level</c> and <c>education_level_1969</c> agree with table 3.3
    /// (codelists.md §3.6 rule 1).
    /// </summary>
    public static bool Consistent(EducationLevelFt level, EducationLevel1969 level1969) => To1969(level) == level1969;

    /// <summary>
    /// Row of the national PLIE table of exits to training for the 2019 level of a course
    /// (codelists.md §3.6 rule 4): NIVEAU_3 … NIVEAU_8 map back with table 3.2 (column "Former level
    /// (1969)"); NIVEAU_1 and NIVEAU_2 are counted in row V bis (Parcours default).
    /// </summary>
    public static EducationLevel1969 TrainingLevelTo1969Row(CertificationLevel2019 level) => level switch
    {
        CertificationLevel2019.NIVEAU_1 or CertificationLevel2019.NIVEAU_2 => EducationLevel1969.V_BIS,
        CertificationLevel2019.NIVEAU_3 => EducationLevel1969.V,
        CertificationLevel2019.NIVEAU_4 => EducationLevel1969.IV,
        CertificationLevel2019.NIVEAU_5 => EducationLevel1969.III,
        CertificationLevel2019.NIVEAU_6 => EducationLevel1969.II,
        CertificationLevel2019.NIVEAU_7 or CertificationLevel2019.NIVEAU_8 => EducationLevel1969.I,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}
