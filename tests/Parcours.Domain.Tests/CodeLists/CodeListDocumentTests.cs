using System.Reflection;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

/// <summary>
/// Keeps the enums and the embedded codelists.json true to docs/spec/codelists.md, in both directions.
/// </summary>
public class CodeListDocumentTests
{
    public static TheoryData<string> DocumentListIds()
    {
        var data = new TheoryData<string>();
        foreach (var list in SpecDocument.Lists)
        {
            data.Add(list.Id);
        }

        return data;
    }

    [Fact]
    public void Document_EveryIndexedList_HasExactlyOneCodeTable()
    {
        // Arrange
        var indexed = SpecDocument.Index().Keys.ToHashSet(StringComparer.Ordinal);
        var tables = SpecDocument.Lists.Select(l => l.Id).ToList();

        // Act
        var duplicates = tables.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missingTables = indexed.Except(tables).ToList();
        var missingFromIndex = tables.Except(indexed).ToList();

        // Assert
        Assert.True(duplicates.Count == 0, $"Lists with several code tables: {string.Join(", ", duplicates)}");
        Assert.True(missingTables.Count == 0, $"Lists of the index without a code table: {string.Join(", ", missingTables)}");
        Assert.True(missingFromIndex.Count == 0, $"Code tables missing from the index: {string.Join(", ", missingFromIndex)}");
    }

    [Fact]
    public void Enums_CodeListAttributes_NameExactlyTheDocumentLists()
    {
        // Arrange
        var documentIds = SpecDocument.Lists.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var attributeIds = typeof(CodeListRegistry).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<CodeListAttribute>()?.ListId)
            .OfType<string>()
            .ToList();

        // Act
        var withoutEnum = documentIds.Except(attributeIds).ToList();
        var unknown = attributeIds.Except(documentIds).ToList();
        var twice = attributeIds.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        // Assert
        Assert.True(withoutEnum.Count == 0, $"Lists of codelists.md without an enum: {string.Join(", ", withoutEnum)}");
        Assert.True(unknown.Count == 0, $"[CodeList] names a list absent from codelists.md: {string.Join(", ", unknown)}");
        Assert.True(twice.Count == 0, $"Lists with several enums: {string.Join(", ", twice)}");
    }

    [Fact]
    public void Json_ListIds_MatchDocumentListsInOrder()
    {
        // Arrange
        var expected = SpecDocument.Lists.Select(l => l.Id).ToList();

        // Act
        var actual = CodeListRegistry.All.Select(l => l.Id).ToList();

        // Assert
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(DocumentListIds))]
    public void Enum_Members_MatchDocumentCodesBothWays(string listId)
    {
        // Arrange
        var list = SpecDocument.List(listId);
        var enumType = SpecDocument.EnumsByListId().GetValueOrDefault(listId);
        Assert.True(enumType is not null, $"List {listId}: no enum carries [CodeList(\"{listId}\")].");
        var members = Enum.GetNames(enumType!);

        // Act
        var missing = list.Codes.Select(c => c.Code).Except(members, StringComparer.Ordinal).ToList();
        var extra = members.Except(list.Codes.Select(c => c.Code), StringComparer.Ordinal).ToList();

        // Assert
        var failures = missing.Select(c => $"List {listId}: code {c} is in codelists.md but not in enum {enumType!.Name}.")
            .Concat(extra.Select(c => $"List {listId}: enum {enumType!.Name} has member {c}, which is not a code in codelists.md."))
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(DocumentListIds))]
    public void Json_CodesLabelsAndColumns_MatchDocumentBothWays(string listId)
    {
        // Arrange
        var expected = SpecDocument.List(listId);
        Assert.True(CodeListRegistry.TryGet(listId, out var actual), $"List {listId} is in codelists.md but not in codelists.json.");
        var failures = new List<string>();

        // Act
        foreach (var code in expected.Codes)
        {
            var entry = actual.Find(code.Code);
            if (entry is null)
            {
                failures.Add($"List {listId}: code {code.Code} is in codelists.md but not in codelists.json.");
                continue;
            }

            if (entry.Label != code.Label)
            {
                failures.Add($"List {listId}: code {code.Code} has label «{entry.Label}» in codelists.json, «{code.Label}» in codelists.md.");
            }

            foreach (var (column, value) in code.Attributes)
            {
                var jsonValue = entry.Attribute(column);
                if (jsonValue != value)
                {
                    failures.Add($"List {listId}: code {code.Code}, column \"{column}\" is \"{jsonValue}\" in codelists.json, \"{value}\" in codelists.md.");
                }
            }

            failures.AddRange(entry.Attributes.Keys.Except(code.Attributes.Keys)
                .Select(column => $"List {listId}: code {code.Code} has column \"{column}\" in codelists.json, absent from codelists.md."));
        }

        failures.AddRange(actual.Entries.Where(e => expected.Find(e.Code) is null)
            .Select(e => $"List {listId}: code {e.Code} is in codelists.json but not in codelists.md."));
        if (!actual.Columns.SequenceEqual(expected.Columns))
        {
            failures.Add($"List {listId}: columns [{string.Join(", ", actual.Columns)}] in codelists.json, [{string.Join(", ", expected.Columns)}] in codelists.md.");
        }

        // Assert
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(DocumentListIds))]
    public void Json_SectionAndDerivedFlag_MatchDocument(string listId)
    {
        // Arrange
        var expected = SpecDocument.List(listId);

        // Act
        var actual = CodeListRegistry.Get(listId);

        // Assert
        Assert.True(expected.Section == actual.Section, $"List {listId}: section {actual.Section} in codelists.json, {expected.Section} in codelists.md.");
        Assert.True(expected.Derived == actual.Derived, $"List {listId}: derived = {actual.Derived} in codelists.json, {expected.Derived} in codelists.md.");
    }

    [Theory]
    [MemberData(nameof(DocumentListIds))]
    public void RegistryLabel_EveryEnumMember_IsTheDocumentLabel(string listId)
    {
        // Arrange
        var expected = SpecDocument.List(listId);
        var enumType = SpecDocument.EnumsByListId()[listId];
        var label = typeof(CodeListRegistry).GetMethod(nameof(CodeListRegistry.Label))!.MakeGenericMethod(enumType);
        var failures = new List<string>();

        // Act
        foreach (var value in Enum.GetValues(enumType))
        {
            var code = value.ToString()!;
            var actual = (string)label.Invoke(null, [value])!;
            var documentLabel = expected.Find(code)?.Label;
            if (actual != documentLabel)
            {
                failures.Add($"List {listId}: code {code} is labelled «{actual}», codelists.md says «{documentLabel}».");
            }
        }

        // Assert
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
