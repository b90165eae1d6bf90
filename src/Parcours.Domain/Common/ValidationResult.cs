namespace Parcours.Domain.Common;

/// <summary>One refused condition, with the field it concerns (or null for the whole record) and a French message.</summary>
public sealed record ValidationError(string? Field, string Message);

/// <summary>
/// The outcome of a rule: valid, or a list of French messages a user can act on.
/// Rules return it instead of throwing, so that pages, API and CLI show the same messages.
/// </summary>
public sealed class ValidationResult
{
    private readonly List<ValidationError> _errors = [];

    public static ValidationResult Ok => new();

    public IReadOnlyList<ValidationError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public ValidationResult Add(string message) => Add(null, message);

    public ValidationResult Add(string? field, string message)
    {
        _errors.Add(new ValidationError(field, message));
        return this;
    }

    public ValidationResult AddIf(bool condition, string? field, string message) => condition ? Add(field, message) : this;

    public ValidationResult Merge(ValidationResult other)
    {
        _errors.AddRange(other._errors);
        return this;
    }

    public static ValidationResult Fail(string? field, string message) => new ValidationResult().Add(field, message);

    public override string ToString() => string.Join(" ", _errors.Select(e => e.Message));
}
