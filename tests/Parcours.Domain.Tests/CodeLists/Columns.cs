using System.Text.RegularExpressions;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

/// <summary>Reads mapping columns of codelists.json for the agreement tests of the typed rules.</summary>
internal static partial class Columns
{
    /// <summary>The value of a column for an enum value; fails when the column does not exist.</summary>
    public static string Of<T>(T value, string column)
        where T : struct, Enum =>
        CodeListRegistry.Entry(value).Attribute(column)
        ?? throw new InvalidOperationException($"List {CodeListRegistry.For<T>().Id} has no column \"{column}\".");

    /// <summary>
    /// The code a column cell starts with ("MOBILISATION (Parcours default)" → MOBILISATION,
    /// "CITE_3_4 (CITE_1_2 when…)" → CITE_3_4, "NIVEAU_7 or NIVEAU_8" → NIVEAU_7), or null when the
    /// cell starts with prose such as "none" or "by contract (5.4)".
    /// </summary>
    public static TTarget? LeadingCode<TTarget>(string cell)
        where TTarget : struct, Enum
    {
        var match = LeadingToken().Match(cell);
        return match.Success && CodeListRegistry.TryParse<TTarget>(match.Groups[1].Value, out var value) ? value : null;
    }

    /// <summary>Every code of <typeparamref name="TTarget"/> written as a word in the cell, in order.</summary>
    public static IReadOnlyList<TTarget> CodesIn<TTarget>(string cell)
        where TTarget : struct, Enum =>
        Word().Matches(cell)
            .Select(m => CodeListRegistry.TryParse<TTarget>(m.Value, out var value) ? (TTarget?)value : null)
            .OfType<TTarget>()
            .ToList();

    /// <summary>Runs an agreement check for every value of an enum and fails with every mismatch.</summary>
    public static void AssertForEvery<T>(Func<T, string?> mismatch)
        where T : struct, Enum
    {
        var failures = Enum.GetValues<T>()
            .Select(v => (Value: v, Message: mismatch(v)))
            .Where(x => x.Message is not null)
            .Select(x => $"List {CodeListRegistry.For<T>().Id}: code {x.Value}: {x.Message}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [GeneratedRegex(@"^([A-Z][A-Z0-9_]*)\b")]
    private static partial Regex LeadingToken();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9_]*\b")]
    private static partial Regex Word();
}
