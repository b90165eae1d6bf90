using Parcours.Domain.Common;

namespace Parcours.Domain.Tests.Common;

/// <summary>SIRET check digit of exchange format Annex A.1.</summary>
public class SiretChecksTests
{
    [Theory]
    [InlineData("90112345500015")] // the worked example of Annex A.1
    [InlineData("90223456600013")]
    [InlineData("73282932000074")]
    [InlineData("00000000000000")]
    public void IsValidSiret_LuhnValid_True(string siret) => Assert.True(SiretChecks.IsValidSiret(siret));

    [Theory]
    [InlineData("90112345500016")] // last digit mistyped
    [InlineData("90112345500051")] // two digits swapped
    [InlineData("90113245500015")] // two digits swapped
    [InlineData("73282932000075")]
    public void IsValidSiret_WrongCheckDigit_False(string siret) => Assert.False(SiretChecks.IsValidSiret(siret));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9011234550001")] // 13 digits
    [InlineData("901123455000150")] // 15 digits
    [InlineData("901 123 455 00015")]
    [InlineData("9011234550001A")]
    [InlineData("９０１１２３４５５０００１５")] // full-width digits are not ASCII digits
    public void IsValidSiret_NotFourteenAsciiDigits_False(string? siret) => Assert.False(SiretChecks.IsValidSiret(siret));

    [Theory]
    [InlineData("35600000000048")] // La Poste head office: Luhn-valid
    [InlineData("35600000012341")] // digit sum 25: a multiple of 5, not Luhn-valid
    [InlineData("35600000049125")] // digit sum 35, not Luhn-valid
    public void IsValidSiret_LaPosteEstablishment_ValidWhenDigitSumIsAMultipleOfFive(string siret) =>
        Assert.True(SiretChecks.IsValidSiret(siret));

    [Theory]
    [InlineData("35600000012342")] // digit sum 26, not Luhn-valid
    [InlineData("35600000049124")] // digit sum 34, not Luhn-valid
    public void IsValidSiret_LaPosteDigitSumNotMultipleOfFive_False(string siret) =>
        Assert.False(SiretChecks.IsValidSiret(siret));
}
