using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Exchange;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Pages;

/// <summary>
/// «Échanges de données»: a coordinator uploads a dataset in the page and reads what happened — imported, already
/// imported, or refused with the report's rows (file, line, column, French message) and the whole CSV to download.
/// </summary>
public class ExchangePageTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    private static async Task<IHtmlDocument> UploadAsync(HttpClient client, byte[]? zip, string fileName = "jeu.zip")
    {
        var page = await client.GetPageAsync("/echanges");
        var form = page.QuerySelector<IHtmlFormElement>("[data-testid=import-form]")!;
        using var content = new MultipartFormDataContent { { new StringContent(Html.AntiforgeryToken(page, "[data-testid=import-form]")), Html.TokenField } };
        if (zip is not null)
        {
            var file = new ByteArrayContent(zip);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            content.Add(file, "dataset", fileName);
        }
        using var response = await client.PostAsync(form.GetAttribute("action"), content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {form.GetAttribute("action")}: {(int)response.StatusCode}");
        return await Html.ParseAsync(response);
    }

    private static List<List<string>> Rows(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"[data-testid={table}] tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.Text()).ToList()).ToList();

    /// <summary>The zip with the first employer SIRET of steps.csv given a wrong check digit, the manifest resealed; the record's line.</summary>
    internal static (byte[] Zip, int Line, string Siret) WithBadSiret(byte[] zip)
    {
        var files = new Dictionary<string, byte[]>();
        using (var archive = new ZipArchive(new MemoryStream(zip)))
            foreach (var entry in archive.Entries)
            {
                using var stream = new MemoryStream();
                entry.Open().CopyTo(stream);
                files[entry.Name] = stream.ToArray();
            }
        var fields = new List<string>();
        using var reader = new CsvRecordReader(new MemoryStream(files["steps.csv"]));
        reader.Read(fields);
        var column = fields.IndexOf("employer_siret");
        Assert.True(column >= 0, "steps.csv has an employer_siret column");
        string? siret = null;
        var line = 0;
        while (reader.Read(fields))
        {
            if (fields[column].Length != 14) continue;
            siret = fields[column];
            line = reader.RecordLine;
            break;
        }
        Assert.NotNull(siret);
        var bad = siret[..13] + (char)('0' + (siret[13] - '0' + 1) % 10); // one digit changed: the Luhn check fails
        var text = Encoding.UTF8.GetString(files["steps.csv"]);
        var at = text.IndexOf(siret, StringComparison.Ordinal);
        files["steps.csv"] = Encoding.UTF8.GetBytes(text[..at] + bad + text[(at + siret.Length)..]);
        var manifest = JsonNode.Parse(files["manifest.json"])!;
        foreach (var file in manifest["files"]!.AsArray())
            if ((string?)file!["name"] == "steps.csv") file["sha256"] = Convert.ToHexStringLower(SHA256.HashData(files["steps.csv"]));
        files["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in files)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        return (buffer.ToArray(), line, bad);
    }

    [Fact]
    public async Task Upload_BadSiret_RefusedNothingWritten_ReportRowsInThePageAndAsCsv()
    {
        var demo = await DemoDatabase.GetAsync();
        var database = demo.CreateCopy("exchange-page-bad");
        await using var factory = new ParcoursWebFactory(database);
        using var client = await factory.LoginAsync("coordinateur1");
        var (zip, line, _) = WithBadSiret(await client.GetByteArrayAsync("/api/v1/exports"));
        long steps, audit;
        await using (var db = DemoDatabase.Open(database)) (steps, audit) = (await db.Steps.IgnoreQueryFilters().LongCountAsync(), await db.AuditEntries.LongCountAsync());

        var page = await UploadAsync(client, zip);

        Assert.NotNull(page.QuerySelector("[data-testid=import-result] [data-outcome=rejected]"));
        Assert.Contains("rien n'a été enregistré", page.QuerySelector("[data-outcome=rejected]").Text());
        var rows = Rows(page, "import-issues");
        var row = rows[0]; // errors first, before the warnings of the demo data
        Assert.Single(rows, r => r[0] == "Erreur");
        Assert.All(rows.Where(r => r != row), r => Assert.Equal("Avertissement", r[0])); // warnings of the demo data (unusual ages…) stay listed
        Assert.Equal(["Erreur", "steps.csv", line.ToString(), "employer_siret"], row.Take(4));
        Assert.Equal("SIRET_CHECKSUM", row[5]);
        Assert.Equal("Le SIRET ne respecte pas sa clé de contrôle.", row[6]);
        await using (var db = DemoDatabase.Open(database))
        {
            Assert.Equal(steps, await db.Steps.IgnoreQueryFilters().LongCountAsync());
            Assert.Equal(audit, await db.AuditEntries.LongCountAsync());
        }

        var link = page.QuerySelector<IHtmlAnchorElement>("[data-testid=report-link]")!;
        using var report = await client.GetAsync("/echanges" + link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("text/csv", report.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await report.Content.ReadAsByteArrayAsync());
        Assert.Contains($"ERREUR,steps.csv,{line},employer_siret,", csv, StringComparison.Ordinal);
        Assert.Contains(row[6], csv, StringComparison.Ordinal);

        // The report belongs to whoever imported: another coordinator gets «not found».
        using var other = await factory.LoginAsync("coordinateur2");
        using var stolen = await other.GetAsync("/echanges" + link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
    }

    [Fact]
    public async Task Upload_ExportedDataset_ImportedThenAlreadyImported_HistoryAndJournalShowIt()
    {
        var demo = await DemoDatabase.GetAsync();
        var database = demo.CreateCopy("exchange-page-ok");
        await using var factory = new ParcoursWebFactory(database);
        using var client = await factory.LoginAsync("coordinateur1");
        var zip = await client.GetByteArrayAsync("/api/v1/exports");
        long participants;
        await using (var db = DemoDatabase.Open(database)) participants = await db.Participants.IgnoreQueryFilters().LongCountAsync();
        Assert.NotNull((await client.GetPageAsync("/echanges")).QuerySelector("[data-testid=history-empty]"));

        var first = await UploadAsync(client, zip);

        var imported = first.QuerySelector("[data-outcome=imported]").Text();
        Assert.Contains("0 enregistrements créés", imported);
        Assert.Matches(@"\d lignes", imported);
        await using (var db = DemoDatabase.Open(database)) Assert.Equal(participants, await db.Participants.IgnoreQueryFilters().LongCountAsync());
        var history = Assert.Single(Rows(first, "import-history"));
        Assert.Equal("coordinateur1", history[4]);

        var second = await UploadAsync(client, zip);

        Assert.Equal("Jeu déjà importé Ce jeu a déjà été importé à l'identique : aucune modification.", second.QuerySelector("[data-outcome=already-imported]").Text());
        Assert.Single(Rows(second, "import-history"));
        var journal = await client.GetPageAsync("/journal?type=Dataset");
        var actions = Rows(journal, "audit-table").Select(r => (r[1], r[3])).ToList();
        Assert.Contains(("coordinateur1", "Import"), actions);
        Assert.Contains(("coordinateur1", "Export"), actions);
    }

    [Fact]
    public async Task Upload_NoFileOrNotAZip_FrenchErrorOnTheField()
    {
        var demo = await DemoDatabase.GetAsync();
        await using var factory = new ParcoursWebFactory(demo.CreateCopy("exchange-page-empty"));
        using var client = await factory.LoginAsync("coordinateur1");

        var none = await UploadAsync(client, null);
        var text = await UploadAsync(client, Encoding.UTF8.GetBytes("participant_id\r\nP1\r\n"), "participants.csv");

        Assert.Equal("Choisissez le fichier .zip du jeu de données.", none.QuerySelector("[data-testid=upload-error]").Text());
        Assert.Null(none.QuerySelector("[data-testid=import-result]"));
        Assert.StartsWith("Le jeu de données doit être une archive .zip", text.QuerySelector("[data-testid=upload-error]").Text());
    }

    [Fact]
    public async Task Upload_ZipThatIsNot_RefusedWithTheContainerError()
    {
        var demo = await DemoDatabase.GetAsync();
        await using var factory = new ParcoursWebFactory(demo.CreateCopy("exchange-page-notzip"));
        using var client = await factory.LoginAsync("coordinateur1");

        var page = await UploadAsync(client, Encoding.UTF8.GetBytes("ceci n'est pas une archive"), "jeu.zip");

        Assert.NotNull(page.QuerySelector("[data-outcome=rejected]"));
        var rows = Rows(page, "import-issues");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Erreur", r[0]));
        Assert.Contains(rows, r => r[5] == "CONTAINER_INVALID");
    }

    [Fact]
    public async Task Page_ReferentIsTurnedAway_CoordinatorSeesItInTheMenu()
    {
        using var referent = await app.Factory.LoginAsync("referent1-1");
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");

        using var refused = await referent.GetAsync("/echanges");
        var home = await coordinator.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/connexion", refused.Headers.Location!.PathAndQueryOrOriginal());
        Assert.NotNull(home.QuerySelector("#menu-principal a[href='/echanges']"));
        Assert.Null((await referent.GetPageAsync("/")).QuerySelector("#menu-principal a[href='/echanges']"));
    }
}
