using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Parcours.Domain.CodeLists;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Documents;

/// <summary>
/// PDF downloads as a user gets them: the contract and the exit attestation next to their print view (same data,
/// same access rules), the monthly letter and the report tables with format=pdf. Each PDF is read back with
/// pdftotext and must show what the HTML or the JSON shows.
/// </summary>
public class PdfDownloadTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    private static async Task<byte[]> PdfAsync(HttpResponseMessage response, string expectedFileName)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedFileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        return bytes;
    }

    /// <summary>A contract with weekly hours on a pathway the référent follows.</summary>
    private async Task<(long PathwayId, long ContractId, CommitmentContractKind Kind, DateOnly Start, DateOnly? End, decimal Hours)> OwnContractAsync(string login)
    {
        await using var data = app.Data();
        var referent = await data.ReferentOfAsync(login);
        var contract = await data.Db.Contracts
            .Where(c => c.WeeklyActivityHours != null && data.Db.Pathways.Any(p => p.Id == c.PathwayId && p.ReferentId == referent))
            .OrderBy(c => c.Id).FirstAsync();
        return (contract.PathwayId, contract.Id, contract.Kind, contract.StartDate, contract.EndDate, contract.WeeklyActivityHours!.Value);
    }

    [Fact]
    public async Task ContractPdf_NextToThePrintView_ShowsTheContractDatesAndWeeklyHours()
    {
        // A département's référent RSA: the demo data give weekly hours to their contrats d'engagement.
        var c = await OwnContractAsync("referent4-1");
        Assert.Equal(CommitmentContractKind.CONTRAT_ENGAGEMENT, c.Kind);
        using var referent = await app.Factory.LoginAsync("referent4-1");

        // The print view links to the PDF; the pathway page too.
        var print = await referent.GetPageAsync($"/parcours/{c.PathwayId}/contrat/{c.ContractId}");
        Assert.Equal("?handler=pdf", print.QuerySelector("[data-testid=pdf-link]")?.GetAttribute("href"));
        var lastName = print.QuerySelector("dd").Text().Split(' ')[0]; // «NOM Prénom»
        var pathwayPage = await referent.GetPageAsync($"/parcours/{c.PathwayId}");
        Assert.Contains(pathwayPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/parcours/{c.PathwayId}/contrat/{c.ContractId}?handler=pdf");

        using var response = await referent.GetAsync($"/parcours/{c.PathwayId}/contrat/{c.ContractId}?handler=pdf");
        var expectedName = $"{c.Kind.ToString().ToLowerInvariant().Replace('_', '-')}-{c.Start:yyyy-MM}.pdf";
        var pdf = await PdfAsync(response, expectedName);
        Assert.DoesNotContain(lastName.ToLowerInvariant(), expectedName);

        var text = Collapse(PdfText.Extract(pdf));
        Assert.Contains(c.Kind.Label(), text);
        Assert.Contains($"du {c.Start:dd/MM/yyyy} au {(c.End is { } e ? e.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—")}", text);
        Assert.Contains($"Durée hebdomadaire d'activité {c.Hours.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))} heures", text);
        // Same data as the HTML: every field of the print view is in the PDF.
        foreach (var dd in print.QuerySelectorAll("dd")) Assert.Contains(Collapse(dd.TextContent), text);
        Assert.Contains("Le participant", text);
        // The document information names the kind of document, never the person.
        var info = PdfText.Info(pdf);
        Assert.Matches($@"Title:\s+{Regex.Escape(c.Kind.Label())}\n", info);
        Assert.DoesNotContain(lastName, info, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ContractAndAttestationPdf_OutsideTheReferentsScope_Answer404()
    {
        long otherOrganisationContract, otherOrganisationPathway, otherReferentContract, otherReferentPathway, exited;
        await using (var data = app.Data())
        {
            var organisation = await data.OrganisationOfAsync("referent1-1");
            var visible = await data.VisibleReferentsOfAsync("referent1-1");
            var other = await data.Db.Contracts.Where(c => data.Db.Pathways.Any(p => p.Id == c.PathwayId && p.OrganisationId != organisation))
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.PathwayId }).FirstAsync();
            var colleague = await data.Db.Contracts.Where(c => data.Db.Pathways.Any(p => p.Id == c.PathwayId && p.OrganisationId == organisation
                    && p.ReferentId != null && !visible.Contains(p.ReferentId.Value)))
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.PathwayId }).FirstAsync();
            (otherOrganisationContract, otherOrganisationPathway) = (other.Id, other.PathwayId);
            (otherReferentContract, otherReferentPathway) = (colleague.Id, colleague.PathwayId);
            exited = await data.Db.Pathways.Where(p => p.OrganisationId != organisation && p.ExitReason != null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }
        using var referent = await app.Factory.LoginAsync("referent1-1");

        foreach (var url in new[]
                 {
                     $"/parcours/{otherOrganisationPathway}/contrat/{otherOrganisationContract}?handler=pdf",
                     $"/parcours/{otherReferentPathway}/contrat/{otherReferentContract}?handler=pdf",
                     $"/parcours/{exited}/attestation?handler=pdf",
                 })
        {
            using var response = await referent.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ExitAttestationPdf_ShowsTheExitReasonAndDates_OfThePrintView()
    {
        long pathwayId;
        DateOnly exitDate;
        await using (var data = app.Data())
        {
            var organisation = await data.OrganisationOfAsync("coordinateur1");
            (_, pathwayId) = await data.PathwayWithExitAsync(organisation, ExitReason.EMPLOI_DURABLE);
            exitDate = await data.Db.Pathways.Where(p => p.Id == pathwayId).Select(p => p.ExitDate!.Value).SingleAsync();
        }
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");
        var print = await coordinator.GetPageAsync($"/parcours/{pathwayId}/attestation");

        using var response = await coordinator.GetAsync($"/parcours/{pathwayId}/attestation?handler=pdf");
        var pdf = await PdfAsync(response, $"attestation-sortie-{exitDate:yyyy-MM}.pdf");

        var text = Collapse(PdfText.Extract(pdf));
        Assert.Contains("Attestation de sortie", text);
        Assert.Contains($"Motif de sortie {ExitReason.EMPLOI_DURABLE.Label()}", text);
        Assert.Contains($"Date de sortie {exitDate:dd/MM/yyyy}", text);
        foreach (var dd in print.QuerySelectorAll("dd")) Assert.Contains(Collapse(dd.TextContent), text);
        Assert.Contains("Fonds social européen", text);
    }

    [Fact]
    public async Task MonthlyLetterPdf_ShowsTheSameEntriesAsTheJson_AndThePageLinksToIt()
    {
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");
        var page = await coordinator.GetPageAsync("/rapports/lettre-mensuelle?mois=2026-05");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/api/v1/reports/lettre-mensuelle?month=2026-05&format=pdf");

        using var json = JsonDocument.Parse(await coordinator.GetStringAsync("/api/v1/reports/lettre-mensuelle?month=2026-05"));
        using var response = await coordinator.GetAsync("/api/v1/reports/lettre-mensuelle?month=2026-05&format=pdf");
        var pdf = await PdfAsync(response, "lettre-mensuelle-2026-05.pdf");

        var rows = json.RootElement.GetProperty("tables").GetProperty("activity").GetProperty("rows");
        var entries = rows.GetProperty("ENTREES");
        var month = entries.GetProperty("MOIS").GetInt32();
        var year = entries.GetProperty("ANNEE").GetInt32();
        Assert.True(year > 0, "the demo data have entries in 2026");
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        var lines = PdfText.Extract(pdf, layout: true).Split('\n').Select(Collapse).ToList();
        // The row goes on with the previous year's columns (same month, year to date, change).
        var expected = $"Entrées {month.ToString("N0", fr).Replace('\u202F', ' ').Replace('\u00A0', ' ')} {year.ToString("N0", fr).Replace('\u202F', ' ').Replace('\u00A0', ' ')}";
        Assert.Contains(lines, l => l == expected || l.StartsWith(expected + " ", StringComparison.Ordinal));
        var active = json.RootElement.GetProperty("tables").GetProperty("file_active").GetProperty("rows").GetProperty("FILE_ACTIVE").GetProperty("NOMBRE").GetInt32();
        var activeRow = $"File active réelle {active.ToString("N0", fr).Replace('\u202F', ' ').Replace('\u00A0', ' ')}";
        Assert.Contains(lines, l => l == activeRow || l.StartsWith(activeRow + " ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/reports/consolidation?year=2025&format=pdf", "consolidation-2025.pdf", "Consolidation PLIE 2025")]
    [InlineData("/api/v1/reports/consolidation-pluriannuelle?year=2025&years=3&format=pdf", "consolidation-pluriannuelle-2025.pdf", "Flux pluriannuels PLIE jusqu'à 2025")]
    [InlineData("/api/v1/reports/fse-indicators?year=2025&format=pdf", "indicateurs-fse-2025.pdf", "Indicateurs FSE 2025")]
    [InlineData("/api/v1/reports/tableau-de-bord?month=2026-05&format=pdf", "tableau-de-bord-2026-05.pdf", "Tableau de bord — 05/2026")]
    [InlineData("/api/v1/reports/tableau-referents?month=2026-05&format=pdf", "tableau-referents-2026-05.pdf", "Tableau de bord des référents — 05/2026")]
    public async Task EveryReport_HasAPdfExport_WithItsTitleTablesAndChecks(string url, string fileName, string title)
    {
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");
        using var json = JsonDocument.Parse(await coordinator.GetStringAsync(url.Replace("&format=pdf", "")));
        using var response = await coordinator.GetAsync(url);
        var pdf = await PdfAsync(response, fileName);

        var text = Collapse(PdfText.Extract(pdf));
        Assert.StartsWith(title, text);
        Assert.Contains("Contrôles de cohérence", text);
        foreach (var check in json.RootElement.GetProperty("checks").EnumerateArray())
            Assert.Contains(check.GetProperty("id").GetString()!, text);
        Assert.Matches($@"Title:\s+{Regex.Escape(title)}\n", PdfText.Info(pdf));
    }
}
