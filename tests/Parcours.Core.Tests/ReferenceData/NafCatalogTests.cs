using Parcours.Core.ReferenceData;

namespace Parcours.Core.Tests.ReferenceData;

public class NafCatalogTests
{
    [Fact]
    public void Code_62_01Z_is_in_section_J()
    {
        var code = NafCatalog.Default.Find("62.01Z");

        Assert.NotNull(code);
        Assert.Equal("Programmation informatique", code.Label);
        Assert.Equal('J', code.Section);
        Assert.Equal(NafLevel.SubClass, code.Level);
    }

    [Fact]
    public void Finds_codes_written_without_dot()
    {
        Assert.Equal("62.01Z", NafCatalog.Default.Find("6201z")?.Code);
    }

    [Theory]
    [InlineData("01.11Z", 'A')]
    [InlineData("10.11Z", 'C')]
    [InlineData("35.11Z", 'D')]
    [InlineData("47.11F", 'G')]
    [InlineData("88.10A", 'Q')]
    [InlineData("99.00Z", 'U')]
    public void Sections_follow_naf_rev2(string code, char section) =>
        Assert.Equal(section, NafCatalog.SectionOf(code));

    [Fact]
    public void Every_sub_class_has_a_label()
    {
        var subClasses = NafCatalog.Default.SubClasses.ToList();

        Assert.InRange(subClasses.Count, 700, 760);
        Assert.All(subClasses, c => Assert.False(string.IsNullOrWhiteSpace(c.Label)));
    }
}
