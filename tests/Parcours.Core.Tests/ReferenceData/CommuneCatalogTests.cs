using Parcours.Core.ReferenceData;

namespace Parcours.Core.Tests.ReferenceData;

public class CommuneCatalogTests
{
    [Fact]
    public void Dijon_is_in_departement_21()
    {
        var dijon = CommuneCatalog.Default.FindByInseeCode("21231");

        Assert.NotNull(dijon);
        Assert.Equal("Dijon", dijon.Name);
        Assert.Equal("21", dijon.DepartementCode);
        Assert.Equal("27", dijon.RegionCode);
        Assert.Contains("21000", dijon.PostalCodes);
        Assert.True(dijon.Population > 100_000);
    }

    [Fact]
    public void Ajaccio_is_in_corse_du_sud()
    {
        var ajaccio = CommuneCatalog.Default.FindByInseeCode("2A004");

        Assert.NotNull(ajaccio);
        Assert.Equal("Ajaccio", ajaccio.Name);
        Assert.Equal("2A", ajaccio.DepartementCode);
        Assert.Equal("94", ajaccio.RegionCode);
    }

    [Fact]
    public void Only_current_communes_are_listed()
    {
        var catalog = CommuneCatalog.Default;

        // Paris 1er arrondissement (municipal arrondissement) is not a commune; Paris is.
        Assert.Null(catalog.FindByInseeCode("75101"));
        Assert.NotNull(catalog.FindByInseeCode("75056"));
        Assert.InRange(catalog.All.Count, 34_000, 36_000);
        Assert.Equal(catalog.All.Count, catalog.All.Select(c => c.InseeCode).Distinct().Count());
    }

    [Fact]
    public void Finds_communes_by_postal_code()
    {
        var communes = CommuneCatalog.Default.FindByPostalCode("21000");

        Assert.Contains(communes, c => c.InseeCode == "21231");
        Assert.Empty(CommuneCatalog.Default.FindByPostalCode("00000"));
    }

    [Fact]
    public void Missing_data_file_names_the_file_and_the_build()
    {
        var emptyFolder = Directory.CreateTempSubdirectory("parcours-refdata-").FullName;
        try
        {
            var error = Assert.Throws<ReferenceDataNotFoundException>(
                () => ReferenceDataLocation.GetFile(CommuneCatalog.FileName, emptyFolder));

            Assert.Contains(CommuneCatalog.FileName, error.Message);
            Assert.Contains("npm ci", error.Message);
            Assert.Contains(ReferenceDataLocation.EnvironmentVariable, error.Message);
        }
        finally
        {
            Directory.Delete(emptyFolder, recursive: true);
        }
    }
}
