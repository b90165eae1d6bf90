using System.Reflection;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

public class CodeListRegistryTests
{
    [Fact]
    public void All_Lists_HaveUniqueIdsAndCodes()
    {
        // Arrange & Act
        var lists = CodeListRegistry.All;

        // Assert
        Assert.NotEmpty(lists);
        Assert.Equal(lists.Count, lists.Select(l => l.Id).Distinct().Count());
        Assert.All(lists, l => Assert.Equal(l.Entries.Count, l.Entries.Select(e => e.Code).Distinct().Count()));
    }

    [Fact]
    public void Get_UnknownList_ThrowsKeyNotFound()
    {
        // Arrange
        const string listId = "PAS_UNE_LISTE";

        // Act & Assert
        Assert.Throws<KeyNotFoundException>(() => CodeListRegistry.Get(listId));
    }

    [Fact]
    public void Get_Sexe_HasSectionAndCodes()
    {
        // Arrange & Act
        var list = CodeListRegistry.Get("SEXE");

        // Assert
        Assert.Equal("2.1", list.Section);
        Assert.False(list.Derived);
        Assert.Equal(["FEMME", "HOMME", "NON_BINAIRE"], list.Entries.Select(e => e.Code));
    }

    [Theory]
    [InlineData("FEMME", true)]
    [InlineData("NON_BINAIRE", true)]
    [InlineData("femme", false)]
    [InlineData("Femme", false)]
    [InlineData(" FEMME", false)]
    [InlineData("FEMME ", false)]
    [InlineData("1", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParse_Code_MatchesExactlyAndCaseSensitively(string? code, bool expected)
    {
        // Arrange & Act
        var parsed = CodeListRegistry.TryParse<Sex>(code, out var value);

        // Assert
        Assert.Equal(expected, parsed);
        Assert.Equal(expected ? Enum.Parse<Sex>(code!) : default, value);
    }

    [Fact]
    public void TryParse_SingleLetterNafSection_Parses()
    {
        // Arrange & Act
        var parsed = CodeListRegistry.TryParse<NafSection>("C", out var section);

        // Assert
        Assert.True(parsed);
        Assert.Equal(NafSection.C, section);
        Assert.Equal("Industrie manufacturière", section.Label());
    }

    [Theory]
    [InlineData("MOTIF_SORTIE", "DECES", true)]
    [InlineData("MOTIF_SORTIE", "deces", false)]
    [InlineData("MOTIF_SORTIE", "INCONNU", false)]
    [InlineData("SECTION_NAF", "U", true)]
    [InlineData("NIVEAU_FORMATION_1969", "9", false)]
    public void IsValid_ListAndCode_IsExactMembership(string listId, string code, bool expected)
    {
        // Arrange & Act
        var valid = CodeListRegistry.IsValid(listId, code);

        // Assert
        Assert.Equal(expected, valid);
    }

    [Theory]
    [InlineData("MOTIF_SORTIE", "DECES", "Neutralisable", "yes")]
    [InlineData("MOTIF_SORTIE", "ABANDON", "Neutralisable", "no")]
    [InlineData("TYPE_ETAPE", "PMSMP", "National row", "MEDIATION_EMPLOI (Parcours default)")]
    [InlineData("CATEGORIE_PUBLIC", "RSA", "National PLIE row", "«RSA»")]
    [InlineData("MOTIF_SORTIE", "DECES", "Pas une colonne", null)]
    [InlineData("MOTIF_SORTIE", "INCONNU", "Neutralisable", null)]
    public void Attribute_ListCodeColumn_IsTheDocumentCell(string listId, string code, string column, string? expected)
    {
        // Arrange & Act
        var value = CodeListRegistry.Attribute(listId, code, column);

        // Assert
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Label_EnumValue_IsFrenchLabel()
    {
        // Arrange
        var reason = ExitReason.DEMENAGEMENT;

        // Act
        var label = CodeListRegistry.Label(reason);

        // Assert
        Assert.Equal("Déménagement", label);
        Assert.Equal(label, reason.Label());
        Assert.Equal("DEMENAGEMENT", reason.Code());
    }

    [Fact]
    public void Label_DefaultValue_Throws()
    {
        // Arrange
        var undefined = default(Sex);

        // Act & Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => undefined.Label());
    }

    [Fact]
    public void Parse_UnknownCode_ThrowsFormatException()
    {
        // Arrange
        const string code = "INCONNU";

        // Act & Assert
        Assert.Throws<FormatException>(() => CodeListRegistry.Parse<Sex>(code));
    }

    [Fact]
    public void Label_EveryEnumValue_HasNonEmptyFrenchLabel()
    {
        // Arrange
        var label = typeof(CodeListRegistry).GetMethod(nameof(CodeListRegistry.Label))!;
        var failures = new List<string>();

        // Act
        foreach (var (listId, enumType) in SpecDocument.EnumsByListId())
        {
            var generic = label.MakeGenericMethod(enumType);
            foreach (var value in Enum.GetValues(enumType))
            {
                string? text;
                try
                {
                    text = (string?)generic.Invoke(null, [value]);
                }
                catch (TargetInvocationException e)
                {
                    text = null;
                    failures.Add($"List {listId}: code {value}: {e.InnerException?.Message}");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(text))
                {
                    failures.Add($"List {listId}: code {value} has an empty label.");
                }
            }
        }

        // Assert
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Enums_EveryCodeListEnum_StartsAtOneSoDefaultIsNotACode()
    {
        // Arrange
        var enums = SpecDocument.EnumsByListId();

        // Act
        var withDefaultMember = enums.Where(e => Enum.IsDefined(e.Value, Activator.CreateInstance(e.Value)!)).Select(e => e.Key).ToList();

        // Assert
        Assert.Empty(withDefaultMember);
    }
}
