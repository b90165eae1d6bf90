using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Parcours.Domain.CodeLists;

namespace Parcours.Core.Reporting;

/// <summary>French labels of the row and column keys of the reports (the keys themselves never change).</summary>
public static class ReportLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["TOTAL"] = "Total",
        ["FEMME"] = "Femmes",
        ["HOMME"] = "Hommes",
        ["MOINS_26"] = "Moins de 26 ans",
        ["PLUS_26"] = "26 ans et plus",
        ["TH"] = "Travailleurs handicapés",
        ["DELD"] = "DELD",
        ["RSA"] = "Bénéficiaires du RSA",
        ["AUTRE"] = "Autres publics",
        ["NIV_VI"] = "Niveau VI",
        ["NIV_V_BIS"] = "Niveau V bis",
        ["NIV_V"] = "Niveau V",
        ["NIV_IV_ET_PLUS"] = "Niveau IV et +",
        ["NIV_INDETERMINE"] = "Niveau indéterminé",
        ["FINANCED"] = "dont financées par le PLIE",
        ["ENTREES"] = "Entrées",
        ["REPORT"] = "Report de l'année précédente",
        ["EN_PARCOURS"] = "En parcours durant la période",
        ["SORTIES_POSITIVES"] = "Sorties positives",
        ["SORTIES_EMPLOI"] = "dont sorties sur emploi",
        ["SORTIES_FORMATION"] = "dont sorties sur formation qualifiante",
        ["SORTIES_AUTRES_POSITIVES"] = "dont autres sorties positives",
        ["SORTIES_ABANDON"] = "dont abandons",
        ["SORTIES_DEMENAGEMENT_DECES_RETRAITE"] = "dont déménagements, décès, retraites",
        ["SORTIES_AUTRES_SANS_SUITE"] = "dont autres sorties sans suite",
        ["SORTIES_SANS_SUITE"] = "Sorties sans suite",
        ["TOTAL_SORTIES"] = "Total des sorties",
        ["EN_PARCOURS_FIN"] = "En parcours au 31 décembre",
        ["POSITIVE_OVER_EXITS"] = "Taux de sorties positives",
        ["POSITIVE_OVER_EXITS_NEUTRALISED"] = "Taux de sorties positives neutralisé (hors déménagements, décès, retraites)",
        ["POSITIVE_OVER_ENTRIES"] = "Sorties positives rapportées aux entrées",
        ["ABANDON_OVER_EXITS"] = "Taux d'abandon",
        ["POSITIVE"] = "Sorties positives",
        ["SANS_SUITE"] = "Sorties sans suite",
        ["MOYENNE_PAR_PARTICIPANT"] = "Nombre moyen d'étapes par participant",
        ["MOIS"] = "Mois",
        ["ANNEE"] = "Année (cumul)",
        ["NOMBRE"] = "Nombre",
        ["PRESCRIPTIONS"] = "Prescriptions reçues",
        ["TAUX_ENTREE"] = "Taux d'entrée (entrées ÷ prescriptions)",
        ["NON_ENTREES"] = "Non-entrées",
        ["DELAI_PRE_AFFECTATION_JOURS"] = "Durée moyenne de pré-affectation (jours)",
        ["ACCOMPAGNES"] = "Participants accompagnés",
        ["TAUX_SORTIES_POSITIVES"] = "Taux de sorties positives",
        ["TAUX_SORTIES_POSITIVES_NEUTRALISE"] = "Taux de sorties positives neutralisé (hors déménagements, décès, retraites)",
        ["FILE_ACTIVE"] = "File active réelle",
        ["SUR_UNE_ETAPE"] = "dont sur une étape",
        ["EN_VEILLE"] = "dont en veille",
        ["NON_RENSEIGNE"] = "Non renseigné",
        ["SORTIES"] = "Sorties",
        ["ETP"] = "ETP",
        ["ENTREES_MOIS"] = "Entrées du mois",
        ["ENTREES_ANNEE"] = "Entrées de l'année",
        ["ACCOMPAGNES_ANNEE"] = "Accompagnés dans l'année",
        ["FILE_ACTIVE_PAR_ETP"] = "File active par ETP",
        ["ECART_NORME"] = "Écart à la norme",
        ["ETAPES_COMMENCEES_MOIS"] = "Étapes commencées dans le mois",
        ["SORTIES_MOIS"] = "Sorties du mois",
        ["SORTIES_POSITIVES_ANNEE"] = "Sorties positives de l'année",
        ["SORTIES_SANS_SUITE_ANNEE"] = "Sorties sans suite de l'année",
        ["TAUX_SORTIES_POSITIVES_ANNEE"] = "Taux de sorties positives de l'année",
        ["ALERTE_SANS_ETAPE_3_MOIS"] = "Alertes : sans étape depuis 3 mois",
        ["ALERTE_18_MOIS"] = "Alertes : parcours de 18 mois et plus",
        ["FILE_ACTIVE_FIN"] = "File active en fin de mois",
        ["MOIS_N1"] = "Mois, année N-1",
        ["ANNEE_N1"] = "Année N-1 (cumul)",
        ["EVOLUTION_ANNEE"] = "Évolution sur un an (cumul ; en points pour les taux)",
        ["NOMBRE_N1"] = "Nombre, année N-1",
        ["PARCOURS_EN_ALERTE"] = "Parcours ayant au moins une alerte",
        ["NON_BINAIRE"] = "Non binaires",
        ["AGE_NON_RENSEIGNE"] = "Âge non renseigné",
        ["PUBLIC_NON_RENSEIGNE"] = "Public non renseigné",
        ["SIAE_ACI"] = "Ateliers et chantiers d'insertion (ACI)",
        ["SIAE_EI"] = "Entreprises d'insertion (EI)",
        ["SIAE_ETTI"] = "Entreprises de travail temporaire d'insertion (ETTI)",
        ["SIAE_AI"] = "Associations intermédiaires (AI)",
        ["SIAE_RQ"] = "Régies de quartier",
        ["SIAE_EITI"] = "Entreprises d'insertion par le travail indépendant (EITI)",
        ["SIAE_GEIQ"] = "GEIQ",
        ["PARTICIPANTS_DISTINCTS"] = "Participants distincts (une personne peut figurer sur deux lignes)",
        ["DIRECT"] = "dont direct (géré par la structure gestionnaire du PLIE)",
        ["INDIRECT"] = "dont indirect (mobilisé en contrepartie du FSE)",
        ["AXE_INCLUSION"] = "Axe inclusion du programme FSE",
        ["INCLUSION_COLLECTIVITES_LOCALES"] = "Collectivités locales (communes, EPCI…)",
        ["INCLUSION_DEPARTEMENT"] = "Conseil départemental",
        ["INCLUSION_REGION"] = "Conseil régional",
        ["INCLUSION_ETAT"] = "État",
        ["INCLUSION_AUTRES_PUBLICS"] = "Autres financements publics mobilisés en contrepartie du FSE",
        ["INCLUSION_AUTRES_PRIVES"] = "Autres financements privés mobilisés en contrepartie du FSE",
        ["INCLUSION_FSE"] = "FSE",
        ["AXE_ASSISTANCE_TECHNIQUE"] = "Axe assistance technique",
        ["AT_COLLECTIVITES_LOCALES"] = "Collectivités locales (assistance technique)",
        ["AT_FSE"] = "FSE (assistance technique)",
        ["AT_AUTRES"] = "Autres financeurs (assistance technique)",
        ["SOUS_TOTAL_MOBILISE"] = "Sous-total mobilisé",
        ["NON_MOBILISE_PRIVES"] = "Non mobilisés : fonds privés en contrepartie du FSE",
        ["NON_MOBILISE_AUTRES"] = "Autres non mobilisés",
        ["SOUS_TOTAL_NON_MOBILISE"] = "Sous-total non mobilisé",
        ["TOTAL_GENERAL"] = "Total général",
        ["DONT_FSE"] = "dont FSE",
        ["TOTAL_SIAE"] = "Total SIAE",
        ["FRANCE_TRAVAIL"] = "France Travail",
        ["MISSION_LOCALE"] = "Missions locales",
        ["ORGANISME_FORMATION"] = "Organismes de formation",
        ["MAISON_EMPLOI"] = "Maisons de l'emploi",
        ["CBE"] = "Comités de bassin d'emploi (CBE)",
        ["CLUB_ENTREPRISES_FONDATION"] = "Clubs d'entreprises, fondations",
        ["OPERATION_INTERNE"] = "Opérations internes (structure porteuse du PLIE)",
        ["ASSOCIATION_INSERTION_EMPLOI"] = "Structures d'insertion ou d'emploi hors IAE",
        ["CCAS_CIAS"] = "CCAS et CIAS",
        ["COLLECTIVITE_LOCALE"] = "Collectivités locales",
        ["AUTRE_PARTENAIRE"] = "Autres associations ou partenaires",
        ["FSE"] = "dont FSE",
        ["PART_TOTAL"] = "Part du total",
        ["PART_FSE"] = "Part FSE de la ligne",
        ["VALEUR"] = "Valeur",
        ["PART_ANNEE"] = "Part de l'année (cumul)",
        ["PART_ANNEE_N1"] = "Part de l'année N-1 (cumul)",
        ["EVOLUTION_PART"] = "Évolution de la part (points)",
        ["PLIE_REPONDANTS"] = "PLIE ayant fourni des financements",
        ["PARTICIPANTS_EN_PARCOURS_REPONDANTS"] = "Participants en parcours dans l'année de ces PLIE (dénominateur)",
        ["FINANCEMENT_PAR_PARTICIPANT_TOTAL"] = "Financement mobilisé par participant (€, direct + indirect)",
        ["FINANCEMENT_PAR_PARTICIPANT_DIRECT"] = "Financement direct par participant (€)",
        ["FINANCEMENT_PAR_PARTICIPANT_FSE"] = "FSE par participant (€)",
        ["COLLECTIVITES_LOCALES"] = "Financements des communes et EPCI (€, direct + indirect, deux axes)",
        ["COLLECTIVITES_LOCALES_DIRECT"] = "Financements directs des communes et EPCI (€)",
        ["LEVIER_FSE"] = "Effet levier FSE : € de FSE par € des communes et EPCI (base direct + indirect)",
        ["LEVIER_FSE_DIRECT"] = "Effet levier FSE (base direct seul)",
        ["LEVIER_TOTAL"] = "Effet levier total : € mobilisés par € des communes et EPCI (base direct + indirect)",
        ["LEVIER_TOTAL_DIRECT"] = "Effet levier total (base direct seul)",
        ["FONDS_SUPPLEMENTAIRES"] = "Fonds supplémentaires levés : FSE + communes et EPCI + Département + Région (€, direct + indirect)",
        ["FONDS_SUPPLEMENTAIRES_DIRECT"] = "Fonds supplémentaires levés (€, base direct seul)",
    };

    public static string Of(string key)
    {
        if (Labels.TryGetValue(key, out var label)) return label;
        // Enum.TryParse also accepts numbers: a year used as a column key («2024») is not an enum value.
        if (!key.All(char.IsAsciiDigit) && Enum.TryParse<ConsolidationStepRow>(key, out var row)) return CodeListRegistry.Label(row);
        if (!key.All(char.IsAsciiDigit) && Enum.TryParse<Parcours.Domain.Pathways.CaseloadAlertKind>(key, out var alert))
            return Parcours.Domain.Pathways.CaseloadAlerts.Label(alert);
        return key;
    }
}

/// <summary>
/// Renderings of a <see cref="ReportResult"/>: JSON for machines, CSV for spreadsheets (UTF-8 with BOM, semicolons,
/// decimal comma), print-ready HTML. Every rendering carries the checks, so nothing is published without them.
/// </summary>
public static class ReportRendering
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Json(ReportResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("report", result.Report);
            if (result.Year is { } year) w.WriteNumber("year", year);
            if (result.Month is { } month) w.WriteString("month", month);
            w.WriteStartArray("organisations");
            foreach (var o in result.Organisations) w.WriteStringValue(o);
            w.WriteEndArray();
            w.WriteStartObject("tables");
            foreach (var table in result.Tables)
            {
                w.WriteStartObject(table.Id);
                w.WriteStartArray("columns");
                foreach (var c in table.Columns) w.WriteStringValue(c);
                w.WriteEndArray();
                w.WriteStartObject("rows");
                foreach (var row in table.Rows)
                {
                    w.WriteStartObject(row.Key);
                    foreach (var c in table.Columns)
                    {
                        if (row[c] is { } v)
                        {
                            var kind = table.KindOf(row, c);
                            if (kind == CellKind.Count) w.WriteNumber(c, (long)v);
                            else if (kind == CellKind.Amount) w.WriteNumber(c, Math.Round(v, 2));
                            else w.WriteNumber(c, Math.Round(v, 6));
                        }
                        else w.WriteNull(c);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            if (result.Texts.Count > 0)
            {
                w.WriteStartArray("texts");
                foreach (var text in result.Texts)
                {
                    w.WriteStartObject();
                    w.WriteString("id", text.Id);
                    w.WriteString("title", text.Title);
                    w.WriteString("text", text.Text);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteStartArray("checks");
            foreach (var check in result.Checks)
            {
                w.WriteStartObject();
                w.WriteString("id", check.Id);
                w.WriteBoolean("passed", check.Passed);
                w.WriteString("detail", check.Detail);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("definitions");
            foreach (var d in result.Definitions) w.WriteStringValue(d);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A cell as shown to people: counts whole, rates in % with one decimal, means with one decimal, amounts in euros with cents, «—» for none.</summary>
    public static string Display(ReportRow row, string column) => Display(row, column, row.Kind);

    public static string Display(ReportTable table, ReportRow row, string column) => Display(row, column, table.KindOf(row, column));

    private static string Display(ReportRow row, string column, CellKind kind)
    {
        if (row[column] is not { } v) return "—";
        return kind switch
        {
            CellKind.Count => v.ToString("N0", French),
            CellKind.Rate => (v * 100).ToString("0.0", French) + " %",
            CellKind.Amount => v.ToString("N2", French),
            _ => v.ToString("0.0", French),
        };
    }

    private static string CsvCell(string text) =>
        text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    /// <summary>Values unrounded apart from rates and means (4 decimals) and amounts (2 decimals), decimal comma: opens right in a French Excel.</summary>
    private static string CsvNumber(ReportTable table, ReportRow row, string column) => row[column] is not { } v ? ""
        : table.KindOf(row, column) == CellKind.Count ? v.ToString("0", CultureInfo.InvariantCulture)
        : table.KindOf(row, column) == CellKind.Amount ? Math.Round(v, 2).ToString("0.00", French)
        : Math.Round(v, 4).ToString("0.####", French);

    /// <summary>CSV text; write it with <see cref="CsvEncoding"/> (UTF-8 with BOM).</summary>
    public static string Csv(ReportResult result)
    {
        var sb = new StringBuilder();
        void Line(IEnumerable<string> cells) => sb.Append(string.Join(';', cells.Select(CsvCell))).Append("\r\n");
        Line(["Rapport", result.Report]);
        if (result.Year is { } year) Line(["Année", year.ToString(CultureInfo.InvariantCulture)]);
        if (result.Month is { } month) Line(["Mois", month]);
        Line(["Organisations", string.Join(", ", result.Organisations)]);
        foreach (var table in result.Tables)
        {
            sb.Append("\r\n");
            Line([table.Title]);
            Line(new[] { "Tableau", "Ligne", "Libellé" }.Concat(table.Columns));
            foreach (var row in table.Rows)
                Line(new[] { table.Id, row.Key, table.LabelOf(row.Key) }.Concat(table.Columns.Select(c => CsvNumber(table, row, c))));
        }
        if (result.Texts.Count > 0)
        {
            sb.Append("\r\n");
            Line(["Texte", "Titre", "Contenu"]);
            // A text starting like a formula is prefixed with an apostrophe so that a spreadsheet shows it as text.
            foreach (var text in result.Texts)
                Line([text.Id, text.Title, text.Text.Length > 0 && "=+-@".Contains(text.Text[0], StringComparison.Ordinal) ? "'" + text.Text : text.Text]);
        }
        sb.Append("\r\n");
        Line(["Contrôle", "Résultat", "Détail"]);
        foreach (var check in result.Checks) Line([check.Id, check.Passed ? "OK" : "ÉCHEC", check.Detail]);
        return sb.ToString();
    }

    public static readonly Encoding CsvEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The CSV as bytes, BOM included.</summary>
    public static byte[] CsvBytes(ReportResult result) => [.. CsvEncoding.GetPreamble(), .. CsvEncoding.GetBytes(Csv(result))];

    /// <summary>The tables and checks as HTML fragments (no page around them), shared by the web page and the print export.</summary>
    public static string HtmlTables(ReportResult result)
    {
        var sb = new StringBuilder();
        var failed = result.Failed.ToList();
        if (failed.Count > 0)
        {
            sb.Append("<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\" data-checks=\"failed\"><h2 class=\"fr-alert__title\">Contrôles en échec : ce rapport ne peut pas être publié</h2><ul>");
            foreach (var c in failed) sb.Append("<li><code>").Append(E(c.Id)).Append("</code> : ").Append(E(c.Detail)).Append("</li>");
            sb.Append("</ul></div>");
        }
        foreach (var table in result.Tables) sb.Append(HtmlTable(table));
        sb.Append(HtmlTexts(result));
        sb.Append(HtmlChecks(result));
        return sb.ToString();
    }

    /// <summary>One table as a DSFR table; every cell carries data-col and its row data-row, for tests and scripts.</summary>
    public static string HtmlTable(ReportTable table)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"fr-table fr-table--bordered\" data-table=\"").Append(E(table.Id)).Append("\"><div class=\"fr-table__wrapper\"><div class=\"fr-table__container\"><div class=\"fr-table__content\"><table><caption>")
            .Append(E(table.Title)).Append("</caption><thead><tr><th scope=\"col\">Ligne</th>");
        foreach (var c in table.Columns) sb.Append("<th scope=\"col\">").Append(E(ReportLabels.Of(c))).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            sb.Append("<tr data-row=\"").Append(E(row.Key)).Append("\"><th scope=\"row\">").Append(E(table.LabelOf(row.Key))).Append("</th>");
            foreach (var c in table.Columns)
                sb.Append("<td data-col=\"").Append(E(c)).Append("\">").Append(E(Display(table, row, c))).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div></div></div></div>");
        return sb.ToString();
    }

    /// <summary>The texts written by people, HTML-encoded, line breaks kept; an empty text shows «Aucun texte pour ce mois.».</summary>
    public static string HtmlTexts(ReportResult result)
    {
        var sb = new StringBuilder();
        foreach (var text in result.Texts)
        {
            sb.Append("<section class=\"report-text fr-mb-3w\" data-text=\"").Append(E(text.Id)).Append("\"><h2 class=\"fr-h4\">").Append(E(text.Title)).Append("</h2>");
            if (text.Text.Length == 0) sb.Append("<p class=\"fr-text--sm\"><em>Aucun texte pour ce mois.</em></p>");
            else
                foreach (var paragraph in text.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    sb.Append("<p>").Append(string.Join("<br>", paragraph.Split('\n').Select(E))).Append("</p>");
            sb.Append("</section>");
        }
        return sb.ToString();
    }

    /// <summary>The checks and the definitions in force.</summary>
    public static string HtmlChecks(ReportResult result)
    {
        var sb = new StringBuilder();
        sb.Append("<h2 class=\"fr-h4\">Contrôles de cohérence</h2><ul class=\"report-checks\">");
        foreach (var c in result.Checks)
            sb.Append("<li data-check=\"").Append(E(c.Id)).Append("\" data-passed=\"").Append(c.Passed ? "true" : "false").Append("\">")
                .Append(c.Passed ? "✔ " : "✘ ").Append("<code>").Append(E(c.Id)).Append("</code> — ").Append(E(c.Detail)).Append("</li>");
        sb.Append("</ul><h2 class=\"fr-h4\">Définitions</h2><ul>");
        foreach (var d in result.Definitions) sb.Append("<li>").Append(E(d)).Append("</li>");
        sb.Append("</ul>");
        return sb.ToString();
    }

    /// <summary>A stand-alone print-ready A4 page (no script, no external file).</summary>
    public static string HtmlDocument(ReportResult result, string title)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>")
            .Append("@page{size:A4 landscape;margin:12mm}body{font-family:Marianne,Arial,sans-serif;font-size:9pt;color:#161616}")
            .Append("table{border-collapse:collapse;margin:0 0 12pt;width:100%;page-break-inside:avoid}caption{text-align:left;font-weight:bold;font-size:11pt;padding:4pt 0}")
            .Append("th,td{border:1px solid #999;padding:2pt 4pt}td{text-align:right}thead th{background:#eee}")
            .Append(".fr-alert--error{border:2px solid #ce0500;padding:6pt;color:#ce0500}")
            .Append("</style></head><body><h1>").Append(E(title)).Append("</h1><p>Organisations : ").Append(E(string.Join(", ", result.Organisations)))
            .Append("</p>").Append(HtmlTables(result)).Append("</body></html>");
        return sb.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
