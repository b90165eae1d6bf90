namespace Parcours.Domain.CodeLists;

/// <summary>
/// Ties an enum to a code list of docs/spec/codelists.md by its identifier (for example <c>SEXE</c>).
/// The enum members are spelled exactly as the codes of that list.
/// </summary>
[AttributeUsage(AttributeTargets.Enum, AllowMultiple = false, Inherited = false)]
public sealed class CodeListAttribute : Attribute
{
    public CodeListAttribute(string listId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        ListId = listId;
    }

    /// <summary>Identifier of the list, in UPPER_SNAKE_CASE, as in codelists.md.</summary>
    public string ListId { get; }
}
