namespace Parcours.Domain.CodeLists;

/// <summary>Code and label of a code-list enum value.</summary>
public static class CodeListExtensions
{
    /// <summary>The French label of the value (codelists.md).</summary>
    public static string Label<T>(this T value)
        where T : struct, Enum => CodeListRegistry.Label(value);

    /// <summary>The code of the value, as stored and exchanged.</summary>
    public static string Code<T>(this T value)
        where T : struct, Enum => CodeListRegistry.Code(value);
}
