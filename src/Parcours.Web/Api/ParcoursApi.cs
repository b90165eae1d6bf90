using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Parcours.Domain.Access;
using Parcours.Web.Infrastructure;
using Parcours.Core.Pathways;
using Parcours.Domain.CodeLists;

namespace Parcours.Web.Api;

/// <summary>
/// JSON API under /api/v1, authenticated and scoped like the pages. Responses are records declared here, never
/// entities: personal data are exposed field by field, on purpose.
/// </summary>
public static class ParcoursApi
{
    public static void MapParcoursApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Parcours");
        api.MapGet("/participants", ListParticipants).WithName("ListParticipants")
            .WithSummary("Liste paginée des participants visibles, avec recherche par nom, référent et statut.");
        api.MapGet("/participants/{id:long}", GetParticipant).WithName("GetParticipant")
            .WithSummary("Fiche d'un participant et de ses parcours.");
        api.MapGet("/pathways/{id:long}", GetPathway).WithName("GetPathway")
            .WithSummary("Un parcours : procédure d'entrée, profil à l'entrée, étapes, freins, contrats, sortie.");
        api.MapApiAntiforgery();
        api.MapExchangeApi();
        api.MapPathwaysApi();
    }

    public sealed record ParticipantListItem(long Id, string LastName, string FirstName, DateOnly? BirthDate, string Sex,
        long? CurrentPathwayId, string? Status, string? Scheme, DateOnly? EntryDate, long? ReferentId, string? ReferentName);

    public sealed record ParticipantPage(IReadOnlyList<ParticipantListItem> Items, int Page, int PageSize, int Total);

    public sealed record StepDto(long Id, string StepType, string Family, DateOnly StartDate, DateOnly? PlannedEndDate, DateOnly? EndDate,
        bool? FinancedByProgramme, string? ContractType, decimal? ContractMonths, string? EmployerName, bool IsExitJob, DateOnly? ValidationDate);

    public sealed record BarrierDto(long Id, string BarrierCode, DateOnly IdentifiedOn, DateOnly? LiftedOn);

    public sealed record ContractDto(long Id, string Kind, DateOnly SignedOn, DateOnly StartDate, DateOnly? EndDate, decimal? WeeklyActivityHours);

    public sealed record ExitDto(DateOnly? ExitDate, string Reason, string Category, bool Neutralisable, DateOnly? ValidationDate, long? ExitStepId);

    public sealed record PathwayDto(long Id, long ParticipantId, string Scheme, string Status, DateOnly? StatusSince, int Rank,
        long? ReferentId, string? ReferentName, string? PrescriberKind, DateOnly? PrescriptionDate, DateOnly? PreAssignmentDate,
        DateOnly? ConvocationDate, int ConvocationCount, DateOnly? PreEntryInterviewDate, DateOnly? EntryCommissionDate, DateOnly? EntryDate,
        string? NonEntryReason, DateOnly? NonEntryDate, int? AgeAtEntry, string? PublicCategory, string? EducationLevel,
        string? EducationLevel1969, int? InactivityMonths, ExitDto? Exit, IReadOnlyList<StepDto> Steps,
        IReadOnlyList<BarrierDto> Barriers, IReadOnlyList<ContractDto> Contracts, int Version);

    public sealed record ParticipantDto(long Id, string LastName, string FirstName, string? BirthName, DateOnly? BirthDate, string Sex,
        string? CommuneInsee, string? PostalCode, IReadOnlyList<PathwayDto> Pathways);

    private static async Task<Ok<ParticipantPage>> ListParticipants(ParticipantQueries queries, string? name, long? referentId,
        PathwayStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var result = await queries.SearchAsync(new ParticipantSearch(name, referentId, status, page ?? 1, pageSize ?? 50), ct);
        return TypedResults.Ok(new ParticipantPage(result.Items.Select(p => new ParticipantListItem(p.Id, p.LastName, p.FirstName, p.BirthDate,
            p.Sex.ToString(), p.PathwayId, p.Status?.ToString(), p.Scheme?.ToString(), p.EntryDate, p.ReferentId, p.ReferentName)).ToList(),
            result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<ParticipantDto>, NotFound>> GetParticipant(long id, ParticipantQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var file = await queries.FileAsync(id, SensitiveData.MaySee(UserClaims.Roles(user)), ct);
        if (file is null) return TypedResults.NotFound();
        return TypedResults.Ok(new ParticipantDto(file.Id, file.LastName, file.FirstName, file.BirthName, file.BirthDate, file.Sex.ToString(),
            file.CommuneInsee, file.PostalCode, file.Pathways.Select(ToDto).ToList()));
    }

    private static async Task<Results<Ok<PathwayDto>, NotFound>> GetPathway(long id, ParticipantQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var pathway = await queries.PathwayAsync(id, SensitiveData.MaySee(UserClaims.Roles(user)), ct);
        return pathway is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(pathway));
    }

    private static PathwayDto ToDto(PathwayView p) => new(p.Id, p.ParticipantId, p.Scheme.ToString(), p.Status.ToString(), p.StatusSince, p.Rank,
        p.ReferentId, p.ReferentName, p.PrescriberKind?.ToString(), p.PrescriptionDate, p.PreAssignmentDate, p.ConvocationDate, p.ConvocationCount,
        p.PreEntryInterviewDate, p.EntryCommissionDate, p.EntryDate, p.NonEntryReason?.ToString(), p.NonEntryDate, p.AgeAtEntry,
        p.PublicCategory?.ToString(), p.EducationLevel?.ToString(), p.EducationLevel1969?.ToString(), p.InactivityMonths,
        p.ExitReason is { } reason
            ? new ExitDto(p.ExitDate, reason.ToString(), p.ExitCategory!.Value.ToString(), p.ExitNeutralisable == true, p.ExitValidationDate, p.ExitStepId)
            : null,
        p.Steps.Select(s => new StepDto(s.Id, s.Type.ToString(), s.Family.ToString(), s.StartDate, s.PlannedEndDate, s.EndDate, s.Financed,
            s.ContractType?.ToString(), s.ContractMonths, s.EmployerName, s.IsExitJob, s.ValidationDate)).ToList(),
        p.Barriers.Select(b => new BarrierDto(b.Id, b.Code.ToString(), b.IdentifiedOn, b.LiftedOn)).ToList(),
        p.Contracts.Select(c => new ContractDto(c.Id, c.Kind.ToString(), c.SignedOn, c.StartDate, c.EndDate, c.WeeklyHours)).ToList(),
        p.Version);
}
