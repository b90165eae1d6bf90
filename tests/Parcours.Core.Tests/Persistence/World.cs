using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Tests.Persistence;

/// <summary>
/// Two programmes, A and B. A has three référents (A1, A2, A3) and four participants: two followed by A1, one by A2, one by A3.
/// B has one référent and one participant. Every pathway is entered and has one step. Users: a coordinator of A, the user
/// of référent A1, a coordinator of B.
/// </summary>
public sealed class World
{
    public static readonly DateOnly Today = new(2026, 3, 31);

    public required Organisation A { get; init; }
    public required Organisation B { get; init; }
    public required Referent A1 { get; init; }
    public required Referent A2 { get; init; }
    public required Referent A3 { get; init; }
    public required Referent B1 { get; init; }
    public required User CoordinatorA { get; init; }
    public required User ReferentUserA1 { get; init; }
    public required User CoordinatorB { get; init; }
    public required IReadOnlyList<Participant> ParticipantsOfA1 { get; init; }
    public required Participant ParticipantOfA2 { get; init; }
    public required Participant ParticipantOfA3 { get; init; }
    public required Participant ParticipantOfB { get; init; }

    public IEnumerable<Participant> ParticipantsOfA => [.. ParticipantsOfA1, ParticipantOfA2, ParticipantOfA3];

    public static async Task<World> SeedAsync(DatabaseTarget target)
    {
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test-seed"));
        var a = new Organisation { Code = "PLIE-A", Name = "PLIE A", Kind = OrganisationKind.PLIE, Departement = "21" };
        var b = new Organisation { Code = "PLIE-B", Name = "PLIE B", Kind = OrganisationKind.PLIE, Departement = "59" };
        db.Organisations.AddRange(a, b);
        await db.SaveChangesAsync();

        Referent Referent(Organisation org, string last, string first)
        {
            var r = new Referent { OrganisationId = org.Id, LastName = last, FirstName = first, Role = ProfessionalRole.REFERENT_PARCOURS };
            db.Referents.Add(r);
            return r;
        }
        var a1 = Referent(a, "Bernard", "Alice");
        var a2 = Referent(a, "Petit", "Bruno");
        var a3 = Referent(a, "Roux", "Chloé");
        var b1 = Referent(b, "Fournier", "David");
        await db.SaveChangesAsync();

        User NewUser(Organisation org, string login, Role roles, long? referentId = null)
        {
            var u = new User { OrganisationId = org.Id, Login = login, DisplayName = login, Roles = roles, ReferentId = referentId };
            db.Users.Add(u);
            return u;
        }
        var coordinatorA = NewUser(a, "coord-a", Role.Coordinator);
        var referentUserA1 = NewUser(a, "referent-a1", Role.Referent, a1.Id);
        var coordinatorB = NewUser(b, "coord-b", Role.Coordinator);

        var n = 0;
        Participant Person(Organisation org, Referent referent, string last, string first)
        {
            n++;
            var participant = new Participant
            {
                OrganisationId = org.Id,
                ExternalId = $"P{n}",
                Sex = n % 2 == 0 ? Sex.HOMME : Sex.FEMME,
                BirthYear = 1985,
                CreatedAtUtc = new DateTime(2025, 9, 1, 8, 0, 0, DateTimeKind.Utc),
                Identity = new ParticipantIdentity { OrganisationId = org.Id, LastName = last, FirstName = first, BirthDate = new DateOnly(1985, 4, n) },
            };
            participant.Identity.RefreshSearchName();
            var (pathway, result) = Pathway.Prescribe(0, org.Id, Scheme.PLIE, PrescriberKind.FRANCE_TRAVAIL, null, new DateOnly(2025, 9, 1), Today);
            Assert.True(result.IsValid, result.ToString());
            pathway!.ExternalId = $"PW{n}";
            pathway.ReferentId = referent.Id;
            var entry = pathway.Enter(new EntryDecision(new DateOnly(2025, 10, 1)) { PublicCategory = PublicCategory.DELD }, Today);
            Assert.True(entry.IsValid, entry.ToString());
            pathway.Steps.Add(new Step { StepType = StepType.ACTION_MOBILISATION, StartDate = new DateOnly(2025, 10, 15) });
            participant.Pathways.Add(pathway);
            db.Participants.Add(participant);
            return participant;
        }
        var ofA1 = new[] { Person(a, a1, "Martin", "Emma"), Person(a, a1, "Lefèvre", "Hugo") };
        var ofA2 = Person(a, a2, "Moreau", "Inès");
        var ofA3 = Person(a, a3, "Garnier", "Jules");
        var ofB = Person(b, b1, "Lambert", "Léa");
        await db.SaveChangesAsync();

        return new World
        {
            A = a, B = b, A1 = a1, A2 = a2, A3 = a3, B1 = b1,
            CoordinatorA = coordinatorA, ReferentUserA1 = referentUserA1, CoordinatorB = coordinatorB,
            ParticipantsOfA1 = ofA1, ParticipantOfA2 = ofA2, ParticipantOfA3 = ofA3, ParticipantOfB = ofB,
        };
    }
}
