namespace Parcours.Core.Synthetic;

/// <summary>
/// Options of the synthetic data generator. The same options (seed and reference date included) always produce
/// the same data. The reference date is the «today» of the generated world: nothing happens after it.
/// </summary>
public sealed record GeneratorOptions
{
    public int Participants { get; init; } = 2000;
    public int Seed { get; init; } = 1;
    /// <summary>First year of prescriptions.</summary>
    public int FromYear { get; init; }
    /// <summary>Last year of prescriptions.</summary>
    public int ToYear { get; init; }
    public DateOnly ReferenceDate { get; init; }
    /// <summary>Password given to every demo account.</summary>
    public string DemoPassword { get; init; } = "parcours-demo";

    public static GeneratorOptions For(int participants, int seed, int? from, int? to, DateOnly today)
    {
        var toYear = to ?? today.Year;
        var fromYear = from ?? toYear - 4;
        if (fromYear > toYear) throw new ArgumentException("L'année de début doit précéder l'année de fin.");
        var endOfTo = new DateOnly(toYear, 12, 31);
        return new GeneratorOptions
        {
            Participants = participants,
            Seed = seed,
            FromYear = fromYear,
            ToYear = toYear,
            ReferenceDate = endOfTo < today ? endOfTo : today,
        };
    }
}

/// <summary>A demo account printed after generation.</summary>
public sealed record DemoLogin(string Login, string Password, string Role, string Organisation);

public sealed record GenerationReport(int Organisations, int Referents, int Participants, int Pathways, int Steps,
    int Barriers, int Contracts, int Appointments, IReadOnlyList<DemoLogin> Logins, TimeSpan Elapsed);
