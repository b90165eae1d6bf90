using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Api;

public class ExchangeApiTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    private static MultipartFormDataContent Upload(byte[] zip)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(file, "dataset", "dataset.zip");
        return content;
    }

    [Fact]
    public async Task Export_Coordinator_ZipOfTheOrganisationWithManifest()
    {
        // An export is logged in the audit: a copy of the database, not the shared one.
        var demo = await DemoDatabase.GetAsync();
        await using var factory = new ParcoursWebFactory(demo.CreateCopy("exchange-export"));
        using var client = await factory.LoginAsync("coordinateur1");

        using var response = await client.GetAsync("/api/v1/exports");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains(zip.Entries, e => e.Name == "pathways.csv");
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal("parcours-exchange", manifest.RootElement.GetProperty("format").GetString());
        Assert.False(manifest.RootElement.GetProperty("anonymised").GetBoolean());
    }

    [Theory]
    [InlineData("from=31/01/2025", "Les dates de début et de fin s'écrivent AAAA-MM-JJ (par exemple 2025-01-31).")]
    [InlineData("from=2025-12-31&to=2025-01-01", "La date de début est postérieure à la date de fin.")]
    public async Task Export_BadPeriod_400WithAFrenchMessage(string query, string message)
    {
        using var client = await app.Factory.LoginAsync("coordinateur1");

        using var response = await client.GetAsync("/api/v1/exports?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Export_Referent_Forbidden()
    {
        using var client = await app.Factory.LoginAsync("referent1-1");

        using var response = await client.GetAsync("/api/v1/exports");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Import_ExportedDatasetBack_ImportedWithoutDuplicates()
    {
        var demo = await DemoDatabase.GetAsync();
        var database = demo.CreateCopy("exchange-api");
        await using var factory = new ParcoursWebFactory(database);
        using var client = await factory.LoginForApiAsync("coordinateur1");
        var zip = await client.GetByteArrayAsync("/api/v1/exports");
        long before;
        await using (var db = DemoDatabase.Open(database)) before = await db.Participants.IgnoreQueryFilters().LongCountAsync();

        using var response = await client.PostAsync("/api/v1/imports", Upload(zip));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("imported").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("created").GetInt32());
        await using (var db = DemoDatabase.Open(database)) Assert.Equal(before, await db.Participants.IgnoreQueryFilters().LongCountAsync());
    }

    [Fact]
    public async Task Import_ArchiveWithoutManifest_422WithTheCsvReport()
    {
        var demo = await DemoDatabase.GetAsync();
        var database = demo.CreateCopy("exchange-api-bad");
        await using var factory = new ParcoursWebFactory(database);
        using var client = await factory.LoginForApiAsync("coordinateur1");
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("participants.csv").Open());
            writer.Write("participant_id,sex\r\nP1,FEMME\r\n");
        }

        using var response = await client.PostAsync("/api/v1/imports", Upload(buffer.ToArray()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var report = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("MANIFEST_MISSING", report, StringComparison.Ordinal);
        Assert.Contains("Le fichier manifest.json est absent.", report, StringComparison.Ordinal);
    }
}
