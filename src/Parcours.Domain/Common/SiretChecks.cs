namespace Parcours.Domain.Common;

/// <summary>Check digits of exchange format Annex A: SIRET by the Luhn algorithm, NIR by the key 97 − (number mod 97).</summary>
public static class SiretChecks
{
    /// <summary>SIREN of La Poste, whose establishments do not follow the Luhn rule (Annex A.1).</summary>
    public const string LaPosteSiren = "356000000";

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
        if (IsValid(digits)) return true;
        // Annex A.1 exception: an establishment of La Poste is valid when the plain sum of its digits is a multiple of 5
        // (its head office, 35600000000048, is Luhn-valid and accepted above).
        if (!siret.StartsWith(LaPosteSiren, StringComparison.Ordinal)) return false;
        var sum = 0;
        foreach (var d in digits) sum += d;
        return sum % 5 == 0;
    }
}
