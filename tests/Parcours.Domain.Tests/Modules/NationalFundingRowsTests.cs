using Parcours.Domain.CodeLists;
using Parcours.Domain.Fse;

namespace Parcours.Domain.Tests.Modules;

/// <summary>Rows of national Tables 6, 6BIS and 7 (reports.md RPT-06, RPT-07; codelists.md §10.1, §10.2).</summary>
public class NationalFundingRowsTests
{
    [Theory]
    [InlineData(FunderKind.COMMUNE_EPCI, FundingRow.INCLUSION_COLLECTIVITES_LOCALES)]
    [InlineData(FunderKind.CONSEIL_DEPARTEMENTAL, FundingRow.INCLUSION_DEPARTEMENT)]
    [InlineData(FunderKind.CONSEIL_REGIONAL, FundingRow.INCLUSION_REGION)]
    [InlineData(FunderKind.ETAT, FundingRow.INCLUSION_ETAT)]
    [InlineData(FunderKind.FSE, FundingRow.INCLUSION_FSE)]
    [InlineData(FunderKind.AUTRE_PUBLIC, FundingRow.INCLUSION_AUTRES_PUBLICS)]
    [InlineData(FunderKind.AUTRE_PRIVE, FundingRow.INCLUSION_AUTRES_PRIVES)]
    public void Row_MobilisedInclusionLine_GoesToTheRowOfItsFunderKind(FunderKind kind, FundingRow expected) =>
        Assert.Equal(expected, NationalFundingRows.Row(kind, FundingAxis.INCLUSION, true, OrganisationKind.ASSOCIATION));

    [Theory]
    [InlineData(OrganisationKind.COLLECTIVITE, FundingRow.INCLUSION_AUTRES_PUBLICS)]
    [InlineData(OrganisationKind.CCAS, FundingRow.INCLUSION_AUTRES_PUBLICS)]
    [InlineData(OrganisationKind.FRANCE_TRAVAIL, FundingRow.INCLUSION_AUTRES_PUBLICS)]
    [InlineData(OrganisationKind.ETABLISSEMENT_PUBLIC, FundingRow.INCLUSION_AUTRES_PUBLICS)]
    [InlineData(OrganisationKind.ACI, FundingRow.INCLUSION_AUTRES_PRIVES)]
    [InlineData(OrganisationKind.ASSOCIATION, FundingRow.INCLUSION_AUTRES_PRIVES)]
    [InlineData(OrganisationKind.MISSION_LOCALE, FundingRow.INCLUSION_AUTRES_PRIVES)]
    public void Row_OwnFunds_PublicOperatorToOtherPublicElseOtherPrivate(OrganisationKind operatorKind, FundingRow expected) =>
        Assert.Equal(expected, NationalFundingRows.Row(FunderKind.AUTOFINANCEMENT, FundingAxis.INCLUSION, true, operatorKind));

    [Theory]
    [InlineData(FunderKind.COMMUNE_EPCI, FundingRow.AT_COLLECTIVITES_LOCALES)]
    [InlineData(FunderKind.FSE, FundingRow.AT_FSE)]
    [InlineData(FunderKind.CONSEIL_DEPARTEMENTAL, FundingRow.AT_AUTRES)]
    [InlineData(FunderKind.AUTOFINANCEMENT, FundingRow.AT_AUTRES)]
    public void Row_TechnicalAssistanceLine_LocalAuthoritiesFseOrOthers(FunderKind kind, FundingRow expected) =>
        Assert.Equal(expected, NationalFundingRows.Row(kind, FundingAxis.ASSISTANCE_TECHNIQUE, true, OrganisationKind.PLIE));

    [Theory]
    [InlineData(FunderKind.AUTRE_PRIVE, OrganisationKind.ASSOCIATION, FundingRow.NON_MOBILISE_PRIVES)]
    [InlineData(FunderKind.AUTOFINANCEMENT, OrganisationKind.ASSOCIATION, FundingRow.NON_MOBILISE_PRIVES)]
    [InlineData(FunderKind.AUTOFINANCEMENT, OrganisationKind.COLLECTIVITE, FundingRow.NON_MOBILISE_AUTRES)]
    [InlineData(FunderKind.FSE, OrganisationKind.ASSOCIATION, FundingRow.NON_MOBILISE_AUTRES)]
    [InlineData(FunderKind.COMMUNE_EPCI, OrganisationKind.ASSOCIATION, FundingRow.NON_MOBILISE_AUTRES)]
    public void Row_NotMobilised_PrivateFundsApartFromTheOthers(FunderKind kind, OrganisationKind operatorKind, FundingRow expected)
    {
        Assert.Equal(expected, NationalFundingRows.Row(kind, FundingAxis.INCLUSION, false, operatorKind));
        Assert.Equal(expected, NationalFundingRows.Row(kind, FundingAxis.ASSISTANCE_TECHNIQUE, false, operatorKind));
        Assert.Equal("SOUS_TOTAL_NON_MOBILISE", NationalFundingRows.Subtotal(expected));
    }

    [Fact]
    public void Row_EveryFunderKindAxisAndFlag_FallsInTheSubtotalOfItsAxis()
    {
        foreach (var kind in Enum.GetValues<FunderKind>())
        foreach (var axis in Enum.GetValues<FundingAxis>())
        {
            var row = NationalFundingRows.Row(kind, axis, true, OrganisationKind.ASSOCIATION);
            Assert.Equal(axis == FundingAxis.INCLUSION ? "AXE_INCLUSION" : "AXE_ASSISTANCE_TECHNIQUE", NationalFundingRows.Subtotal(row));
        }
    }

    [Theory]
    [InlineData(FseSpecificObjective.AXE3_OS1, FundingAxis.INCLUSION)]
    [InlineData(FseSpecificObjective.AXE3_OS3, FundingAxis.INCLUSION)]
    [InlineData(FseSpecificObjective.FSE_PLUS_2021_2027, FundingAxis.INCLUSION)]
    [InlineData(FseSpecificObjective.AXE4_AT, FundingAxis.ASSISTANCE_TECHNIQUE)]
    [InlineData(null, FundingAxis.INCLUSION)]
    public void Axis_SpecificObjective_TechnicalAssistanceOnlyForAxis4(FseSpecificObjective? objective, FundingAxis expected) =>
        Assert.Equal(expected, NationalFundingRows.Axis(objective));

    [Theory]
    [InlineData(ProgrammingLineStatus.BROUILLON, false)]
    [InlineData(ProgrammingLineStatus.A_VOTER, false)]
    [InlineData(ProgrammingLineStatus.VOTEE, true)]
    [InlineData(ProgrammingLineStatus.CONVENTIONNEE, true)]
    [InlineData(ProgrammingLineStatus.SOLDEE, true)]
    [InlineData(ProgrammingLineStatus.ABANDONNEE, false)]
    [InlineData(ProgrammingLineStatus.INTEGREE, false)]
    public void IsRetained_Status_FromTheVoteOnExceptAbandonedOrMerged(ProgrammingLineStatus status, bool expected) =>
        Assert.Equal(expected, NationalFundingRows.IsRetained(status));

    [Theory]
    [InlineData(OrganisationKind.ACI, AllocationRow.SIAE_ACI)]
    [InlineData(OrganisationKind.EITI, AllocationRow.SIAE_EITI)]
    [InlineData(OrganisationKind.RQ, AllocationRow.SIAE_RQ)]
    [InlineData(OrganisationKind.GEIQ, AllocationRow.SIAE_GEIQ)]
    [InlineData(OrganisationKind.FRANCE_TRAVAIL, AllocationRow.FRANCE_TRAVAIL)]
    [InlineData(OrganisationKind.MISSION_LOCALE, AllocationRow.MISSION_LOCALE)]
    [InlineData(OrganisationKind.ORGANISME_FORMATION, AllocationRow.ORGANISME_FORMATION)]
    [InlineData(OrganisationKind.MAISON_EMPLOI, AllocationRow.MAISON_EMPLOI)]
    [InlineData(OrganisationKind.ENTREPRISE, AllocationRow.CLUB_ENTREPRISES_FONDATION)]
    [InlineData(OrganisationKind.PLIE, AllocationRow.OPERATION_INTERNE)]
    [InlineData(OrganisationKind.CAP_EMPLOI, AllocationRow.ASSOCIATION_INSERTION_EMPLOI)]
    [InlineData(OrganisationKind.CCAS, AllocationRow.CCAS_CIAS)]
    [InlineData(OrganisationKind.COLLECTIVITE, AllocationRow.COLLECTIVITE_LOCALE)]
    [InlineData(OrganisationKind.DEPARTEMENT, AllocationRow.COLLECTIVITE_LOCALE)]
    [InlineData(OrganisationKind.ASSOCIATION, AllocationRow.AUTRE_PARTENAIRE)]
    [InlineData(OrganisationKind.BAILLEUR_SOCIAL, AllocationRow.AUTRE_PARTENAIRE)]
    public void AllocationRowOf_OperatorKind_NationalRow(OrganisationKind kind, AllocationRow expected) =>
        Assert.Equal(expected, NationalFundingRows.AllocationRowOf(kind, internalOperation: false));

    [Fact]
    public void AllocationRowOf_InternalOperation_WinsOverTheKind()
    {
        foreach (var kind in Enum.GetValues<OrganisationKind>())
            Assert.Equal(AllocationRow.OPERATION_INTERNE, NationalFundingRows.AllocationRowOf(kind, internalOperation: true));
    }

    [Fact]
    public void IsSiae_OperatorKinds_SiaeRegieDeQuartierAndGeiqOnly()
    {
        OrganisationKind[] siae = [OrganisationKind.ACI, OrganisationKind.EI, OrganisationKind.ETTI, OrganisationKind.AI,
            OrganisationKind.EITI, OrganisationKind.RQ, OrganisationKind.GEIQ];
        foreach (var kind in Enum.GetValues<OrganisationKind>())
            Assert.Equal(siae.Contains(kind), NationalFundingRows.IsSiae(NationalFundingRows.AllocationRowOf(kind, false)));
        Assert.False(NationalFundingRows.IsSiae(NationalFundingRows.AllocationRowOf(OrganisationKind.ACI, true)));
        Assert.DoesNotContain(Enum.GetValues<OrganisationKind>(), k => NationalFundingRows.AllocationRowOf(k, false) == AllocationRow.CBE);
    }
}
