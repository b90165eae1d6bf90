using System.Globalization;
using System.Text.RegularExpressions;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;

namespace Parcours.Core.Exchange;

/// <summary>A problem found in a cell: code of §6.4 and its French and English messages.</summary>
public readonly record struct CellError(string Code, string MessageFr, string MessageEn);

/// <summary>Parsing and canonical formatting of the value types of §3.4.</summary>
public static partial class ExchangeValues
{
    public static readonly DateOnly MinDate = new(1900, 1, 1);
    public static readonly DateOnly MaxDate = new(2099, 12, 31);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")] private static partial Regex IdRegex();
    [GeneratedRegex("^[0-9a-f]{64}$")] private static partial Regex PseudonymRegex();
    [GeneratedRegex("^-?[0-9]+(\\.[0-9]+)?$")] private static partial Regex DecimalRegex();
    [GeneratedRegex("^([0-9]{2}|2A|2B)[0-9]{3}$")] private static partial Regex InseeRegex();
    [GeneratedRegex("^([0-9]{2}|2A|2B|97[1-6])$")] private static partial Regex DepartementRegex();
    [GeneratedRegex("^\\+?[0-9]{10,15}$")] private static partial Regex PhoneRegex();
    [GeneratedRegex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")] private static partial Regex EmailRegex();

    public static bool IsPseudonym(string value) => PseudonymRegex().IsMatch(value);

    private static CellError TypeError(string fr, string en) => new("VALUE_TYPE", $"Valeur invalide : {fr} attendu.", $"Invalid value: {en} expected.");

    /// <summary>
    /// Checks a non-empty cell and returns its typed value (string, DateOnly, int, decimal, bool, or the code string).
    /// Typed values are trimmed first (§3.3); text is kept as it is.
    /// </summary>
    public static object? Parse(ColumnSpec column, string raw, out CellError? error)
    {
        error = null;
        var value = column.Type == ColumnType.Text ? raw : raw.Trim();
        switch (column.Type)
        {
            case ColumnType.Id:
                if (!IdRegex().IsMatch(value)) error = TypeError("identifiant", "identifier");
                return value;
            case ColumnType.Code:
                if (!CodeListRegistry.Get(column.List!).Contains(value))
                    error = new("CODE_UNKNOWN", $"Le code {Quote(value)} n'appartient pas à la liste {column.List}.", $"Code {Quote(value)} is not in list {column.List}.");
                return value;
            case ColumnType.Text:
                if (column.MaxLength > 0 && value.Length > column.MaxLength)
                    error = new("VALUE_RANGE", $"Valeur hors des bornes autorisées (au plus {column.MaxLength} caractères).", $"Value outside the allowed range (at most {column.MaxLength} characters).");
                else if (value.Any(char.IsControl))
                    error = TypeError("texte sans caractère de contrôle", "text without control characters");
                return value;
            case ColumnType.Date:
                if (!TryParseDate(value, out var date))
                {
                    error = TypeError("date AAAA-MM-JJ", "date YYYY-MM-DD");
                    return null;
                }
                if (date < MinDate || date > MaxDate)
                    error = new("VALUE_RANGE", "Valeur hors des bornes autorisées (1900-01-01 à 2099-12-31).", "Value outside the allowed range (1900-01-01 to 2099-12-31).");
                return date;
            case ColumnType.Month:
                if (!TryParseMonth(value, out var month))
                {
                    error = TypeError("mois AAAA-MM", "month YYYY-MM");
                    return null;
                }
                return month;
            case ColumnType.Year:
                if (value.Length != 4 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                {
                    error = TypeError("année AAAA", "year YYYY");
                    return null;
                }
                if (year is < 1900 or > 2099) error = new("VALUE_RANGE", "Valeur hors des bornes autorisées (1900 à 2099).", "Value outside the allowed range (1900 to 2099).");
                return year;
            case ColumnType.Integer:
                if (!IsInteger(value) || !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    error = TypeError("nombre entier", "integer");
                    return null;
                }
                return integer;
            case ColumnType.Decimal:
            case ColumnType.Amount:
                if (!DecimalRegex().IsMatch(value) || !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    error = TypeError("nombre décimal avec un point", "decimal number with a dot");
                    return null;
                }
                if (column.Type == ColumnType.Amount && (number < 0 || decimal.Round(number, 2) != number))
                    error = TypeError("montant positif à deux décimales au plus", "non-negative amount with at most two decimals");
                return number;
            case ColumnType.Boolean:
                if (value is not ("0" or "1"))
                {
                    error = TypeError("0 ou 1", "0 or 1");
                    return null;
                }
                return value == "1";
            case ColumnType.Siret:
                if (value.Length != 14 || !value.All(char.IsAsciiDigit)) error = TypeError("SIRET de 14 chiffres", "SIRET of 14 digits");
                else if (!SiretChecks.IsValidSiret(value)) error = new("SIRET_CHECKSUM", "Le SIRET ne respecte pas sa clé de contrôle.", "The SIRET fails its check digit.");
                return value;
            case ColumnType.Nir:
                if (!NirChecks.IsWellFormed(value)) error = TypeError("NIR de 15 caractères", "NIR of 15 characters");
                else if (!NirChecks.IsValid(value)) error = new("NIR_CHECKSUM", "La clé du NIR est incorrecte.", "The NIR key is wrong.");
                return value;
            case ColumnType.InseeCommune:
                if (!InseeRegex().IsMatch(value)) error = TypeError("code INSEE de commune", "INSEE commune code");
                return value;
            case ColumnType.Departement:
                if (!DepartementRegex().IsMatch(value)) error = TypeError("code de département", "département code");
                return value;
            case ColumnType.PostalCode:
                if (value.Length != 5 || !value.All(char.IsAsciiDigit)) error = TypeError("code postal de 5 chiffres", "postal code of 5 digits");
                return value;
            case ColumnType.Phone:
                if (!PhoneRegex().IsMatch(value)) error = TypeError("numéro de téléphone sans espace", "telephone number without spaces");
                return value;
            case ColumnType.Email:
                if (value.Length > 254 || !EmailRegex().IsMatch(value)) error = TypeError("adresse électronique", "e-mail address");
                return value;
            default:
                throw new ArgumentOutOfRangeException(nameof(column));
        }
    }

    /// <summary>
    /// A date written exactly <c>yyyy-MM-dd</c> (ASCII digits, an existing day), as <c>DateOnly.TryParseExact</c> with that
    /// format and the invariant culture accepts it, without its cost (it was the largest part of parsing a file).
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A month written exactly <c>yyyy-MM</c>, as its first day.</summary>
    public static bool TryParseMonth(ReadOnlySpan<char> text, out DateOnly month)
    {
        month = default;
        if (text.Length != 7 || text[4] != '-') return false;
        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var m) || year < 1 || m is < 1 or > 12) return false;
        month = new DateOnly(year, m, 1);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    private static bool IsInteger(string value)
    {
        var start = value.StartsWith('-') ? 1 : 0;
        if (value.Length == start) return false;
        for (var i = start; i < value.Length; i++) if (!char.IsAsciiDigit(value[i])) return false;
        return true;
    }

    /// <summary>Codes are quoted in messages only when they look like codes; anything else is shown as «…».</summary>
    private static string Quote(string value) => value.Length <= 40 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? value : "«…»";

    /// <summary>Canonical text of a typed value (§3.6).</summary>
    public static string? Format(ColumnType type, object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d when type == ColumnType.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal m when type == ColumnType.Amount => m.ToString("0.00", CultureInfo.InvariantCulture),
        decimal m => FormatDecimal(m),
        Enum e => e.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Shortest form without trailing zeros: 6, 6.5, 0.8.</summary>
    public static string FormatDecimal(decimal value)
    {
        var text = value.ToString("0.############################", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}

/// <summary>NIR key (exchange format Annex A.2).</summary>
public static class NirChecks
{
    public static bool IsWellFormed(string nir)
    {
        if (nir.Length != 15) return false;
        for (var i = 0; i < 15; i++)
        {
            if (char.IsAsciiDigit(nir[i])) continue;
            if (i == 6 && (nir[i] == 'A' || nir[i] == 'B') && nir[5] == '2') continue;
            return false;
        }
        return true;
    }

    public static bool IsValid(string nir)
    {
        if (!IsWellFormed(nir)) return false;
        var body = nir[..13].Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        var n = long.Parse(body, CultureInfo.InvariantCulture);
        var key = int.Parse(nir[13..], CultureInfo.InvariantCulture);
        return 97 - (int)(n % 97) == key;
    }
}
