namespace Parcours.Core.Synthetic;

/// <summary>A commune the generator may place people in, taken from the reference data.</summary>
public sealed record SyntheticCommune(string InseeCode, string Name, string PostalCode, string Departement, int Population);
