using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Parcours.Web.Tests.Workspace;

/// <summary>
/// The workspace walked in Debian's Chromium as its users would: the entry procedure up to the commission, a
/// non-entry, steps added and closed, a durable job whose 6-month alert appears when the clock passes its date, the
/// positive exit validated, and a reassignment found in the audit log.
/// </summary>
public class WorkspaceJourneyTests(BrowserServer app) : IClassFixture<BrowserServer>
{
    private static readonly DateOnly Today = DemoDatabase.Today; // 30/06/2026

    /// <summary>Ticks a DSFR checkbox the way a user does: by its label (the input itself is drawn by the label).</summary>
    private static async Task Tick(IPage page, string label)
    {
        var box = page.GetByLabel(label, new() { Exact = true });
        var id = await box.GetAttributeAsync("id");
        await page.Locator($"label[for='{id}']").ClickAsync();
        await Expect(box).ToBeCheckedAsync();
    }

    private static long PathwayIdFrom(IPage page) => long.Parse(Regex.Match(page.Url, @"/parcours/(\d+)").Groups[1].Value);

    private async Task<long> PrescribeAsync(IPage coordinator, string lastName, string firstName)
    {
        await coordinator.GotoAsync("/commission");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Nouvelle prescription" }).ClickAsync();
        await coordinator.GetByLabel("Nom", new() { Exact = true }).FillAsync(lastName);
        await coordinator.GetByLabel("Prénom").FillAsync(firstName);
        await coordinator.GetByLabel("Date de naissance").FillAsync("1985-04-12");
        await coordinator.GetByLabel("Type de prescripteur").SelectOptionAsync("FRANCE_TRAVAIL");
        await coordinator.GetByLabel("Organisme prescripteur").FillAsync("France Travail Dijon Nord");
        await coordinator.GetByLabel("Date de prescription").FillAsync("2026-06-25");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la prescription" }).ClickAsync();
        await Expect(coordinator).ToHaveURLAsync(new Regex(@"/parcours/\d+$"));
        await Expect(coordinator.GetByTestId("status")).ToHaveTextAsync("Prescrit");
        return PathwayIdFrom(coordinator);
    }

    [Fact]
    public async Task EntryProcedure_PrescriptionPreAssignmentTwoConvocationsInterviewCommission_Entered()
    {
        app.Clock.SetToday(Today);
        long referentId;
        await using (var data = new DemoData(app.Database)) referentId = await data.ReferentOfAsync("referent1-1");
        var coordinator = await app.SignInAsync("coordinateur1");
        var id = await PrescribeAsync(coordinator, "Delacroix", "Amandine");

        // Pre-assignment: the page shows each référent's file active against the norm.
        await Expect(coordinator.GetByTestId("loads")).ToContainTextAsync("/ 70");
        await coordinator.GetByLabel("Référent", new() { Exact = true }).SelectOptionAsync(referentId.ToString());
        await coordinator.GetByLabel("Date de pré-affectation").FillAsync("2026-06-26");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Pré-affecter" }).ClickAsync();
        await Expect(coordinator.GetByTestId("status")).ToHaveTextAsync("Pré-affecté");
        await Expect(coordinator.GetByTestId("preassignment-delay")).ToHaveTextAsync("1 jours");

        // The référent convokes twice (absent the first time), then holds the interview.
        var referent = await app.SignInAsync("referent1-1");
        await referent.GotoAsync($"/parcours/{id}");
        await referent.GetByLabel("Date d'envoi").FillAsync("2026-06-26");
        await referent.GetByLabel("Date du rendez-vous").FillAsync("2026-06-27");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la convocation" }).ClickAsync();
        await Expect(referent.GetByTestId("status")).ToHaveTextAsync("Convoqué");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Absent au rendez-vous" }).ClickAsync();
        await Expect(referent.GetByRole(AriaRole.Heading, new() { Name = "Convocation n° 2 sur 3" })).ToBeVisibleAsync();
        await referent.GetByLabel("Date d'envoi").FillAsync("2026-06-27");
        await referent.GetByLabel("Date du rendez-vous").FillAsync("2026-06-29");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la convocation" }).ClickAsync();
        await Expect(referent.GetByTestId("convocations")).ToContainTextAsync("Rendez-vous du 27/06/2026 : absent");
        await referent.GetByLabel("Date de l'entretien préalable").FillAsync("2026-06-29");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Présent : enregistrer l'entretien préalable" }).ClickAsync();
        await Expect(referent.GetByTestId("status")).ToHaveTextAsync("Entretien préalable réalisé");
        await Expect(referent.GetByTestId("convocations")).ToContainTextAsync("Rendez-vous du 29/06/2026 : présent");

        // An incomplete file cannot go to the commission.
        await referent.GetByRole(AriaRole.Button, new() { Name = "Inscrire à la commission" }).ClickAsync();
        await Expect(referent.GetByTestId("errors")).ToContainTextAsync("Le dossier administratif est incomplet");
        foreach (var label in new[] { "Pièce d'identité", "Justificatif de domicile", "Justificatif du statut déclaré (RSA, inscription France Travail, RQTH)", "Engagement PLIE signé" })
            await Tick(referent, label);
        await referent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le dossier" }).ClickAsync();
        await Expect(referent.GetByTestId("missing")).ToHaveCountAsync(0);
        await referent.GetByLabel("Date de la commission").FillAsync("2026-06-30");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Inscrire à la commission" }).ClickAsync();
        await Expect(referent.GetByTestId("status")).ToHaveTextAsync("En commission d'entrée");

        // The commission's agenda lists the file; the coordinator records the entry.
        await coordinator.GotoAsync("/commission");
        await coordinator.GetByTestId("commission").GetByRole(AriaRole.Link, new() { Name = "DELACROIX Amandine" }).ClickAsync();
        await coordinator.GetByLabel("Catégorie de public à l'entrée").SelectOptionAsync("DELD");
        await Tick(coordinator, "Inscrit à France Travail");
        await coordinator.GetByLabel("Durée d'inactivité (mois)").FillAsync("14");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Valider l'entrée" }).ClickAsync();
        await Expect(coordinator.GetByTestId("status")).ToHaveTextAsync("Entré (en parcours)");
        await Expect(coordinator.GetByTestId("entry-date")).ToHaveTextAsync("30/06/2026");
        await Expect(coordinator.GetByTestId("entry-delay")).ToHaveTextAsync("5 jours");

        // The new pathway is in the référent's caseload.
        await referent.GotoAsync("/portefeuille");
        await Expect(referent.Locator($"[data-testid=caseload-row][data-pathway='{id}']")).ToContainTextAsync("DELACROIX Amandine");
        await using var check = new DemoData(app.Database);
        var pathway = await check.Db.Pathways.SingleAsync(p => p.Id == id);
        Assert.Equal(PathwayStatus.ENTRE, pathway.Status);
        Assert.Equal(PublicCategory.DELD, pathway.PublicCategory);
        Assert.Equal(2, pathway.ConvocationCount);
    }

    [Fact]
    public async Task NonEntry_WithReason_ClosesThePrescription()
    {
        app.Clock.SetToday(Today);
        var coordinator = await app.SignInAsync("coordinateur1");
        var id = await PrescribeAsync(coordinator, "Fontaine", "Bertrand");
        await coordinator.GetByLabel("Motif de non-entrée").SelectOptionAsync("REFUS_ACCOMPAGNEMENT");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la non-entrée" }).ClickAsync();
        await Expect(coordinator.GetByTestId("status")).ToHaveTextAsync("Non entré");
        await Expect(coordinator.GetByTestId("non-entry")).ToContainTextAsync("30/06/2026");
        await using var check = new DemoData(app.Database);
        Assert.Equal(NonEntryReason.REFUS_ACCOMPAGNEMENT, (await check.Db.Pathways.SingleAsync(p => p.Id == id)).NonEntryReason);
    }

    [Fact]
    public async Task Steps_AddedThenClosed_DurableJobAlertAtSixMonths_PositiveExitValidated()
    {
        app.Clock.SetToday(Today);
        long pathwayId;
        string name;
        await using (var data = new DemoData(app.Database))
        {
            var referentId = await data.ReferentOfAsync("referent1-1");
            // A pathway of the caseload with no step in progress: the alerts seen below come from this journey.
            var candidate = await data.Db.Pathways
                .Where(p => p.ReferentId == referentId && p.Status == PathwayStatus.ENTRE && p.EntryDate != null && p.EntryDate <= Today
                    && !p.Steps.Any(s => s.EndDate == null || s.EndDate >= Today))
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.Participant!.Identity!.LastName, p.Participant.Identity.FirstName }).FirstAsync();
            pathwayId = candidate.Id;
            name = $"{candidate.LastName.ToUpperInvariant()} {candidate.FirstName}";
        }
        var referent = await app.SignInAsync("referent1-1");
        await referent.GotoAsync($"/parcours/{pathwayId}");

        // A mobilisation step, added then closed.
        var add = referent.GetByTestId("add-step-form");
        await referent.GetByText("Ajouter une étape").ClickAsync();
        await add.GetByLabel("Type d'étape").SelectOptionAsync("ACTION_MOBILISATION");
        await add.GetByLabel("Date de début").FillAsync("2026-06-15");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'étape" }).ClickAsync();
        var mobilisation = referent.GetByTestId("step").Filter(new() { HasText = "15/06/2026" });
        await Expect(mobilisation).ToContainTextAsync("en cours");
        // Edited: its planned end.
        await mobilisation.GetByText("Modifier l'étape du 15/06/2026").ClickAsync();
        await mobilisation.GetByLabel("Fin prévue").FillAsync("2026-07-31");
        await mobilisation.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la modification" }).ClickAsync();
        await Expect(referent.GetByTestId("step").Filter(new() { HasText = "15/06/2026" })).ToContainTextAsync("(fin prévue le 31/07/2026)");
        mobilisation = referent.GetByTestId("step").Filter(new() { HasText = "15/06/2026" });
        await mobilisation.GetByLabel("Date de fin de l'étape").FillAsync("2026-06-29");
        await mobilisation.GetByRole(AriaRole.Button, new() { Name = "Clore l'étape" }).ClickAsync();
        await Expect(referent.GetByTestId("step").Filter(new() { HasText = "15/06/2026" })).ToContainTextAsync("au 29/06/2026");

        // A durable job (CDI) starting on 30/06/2026: its 6 months are reached on 30/12/2026.
        await referent.GetByText("Ajouter une étape").ClickAsync();
        await add.GetByLabel("Type d'étape").SelectOptionAsync("EMPLOI_SORTIE");
        await add.GetByLabel("Date de début").FillAsync("2026-06-30");
        await add.GetByLabel("Type de contrat").SelectOptionAsync("CDI");
        await add.GetByLabel("Durée hebdomadaire (heures)").FillAsync("35");
        await add.GetByLabel("Employeur", new() { Exact = true }).FillAsync("Boulangerie des Halles");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'étape" }).ClickAsync();
        await Expect(referent.GetByTestId("step").Filter(new() { HasText = "Boulangerie des Halles" })).ToContainTextAsync("6 mois atteints le 30/12/2026");

        var row = referent.Locator($"[data-testid=caseload-row][data-pathway='{pathwayId}']");
        var exitAlert = row.Locator("[data-testid=alert][data-kind=ExitJobValidationDue]");
        app.Clock.SetToday(new DateOnly(2026, 12, 29)); // 6 months minus one day
        await referent.GotoAsync("/portefeuille");
        await Expect(row).ToContainTextAsync(name);
        await Expect(row).ToContainTextAsync("Sur une étape");
        await Expect(exitAlert).ToHaveCountAsync(0);
        app.Clock.SetToday(new DateOnly(2026, 12, 30)); // exactly 6 months
        await referent.GotoAsync("/portefeuille?alerte=ExitJobValidationDue");
        await Expect(exitAlert).ToHaveTextAsync("Sortie à valider (6 mois d'emploi)");

        // The référent records the evidence; the coordinator (commission) validates the positive exit.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Tick(referent, "Contrat de travail");
        await Tick(referent, "Bulletins de salaire des 6 mois");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les justificatifs" }).ClickAsync();
        await Expect(referent.GetByRole(AriaRole.Status)).ToContainTextAsync("Les pièces du dossier ont été enregistrées.");

        var coordinator = await app.SignInAsync("coordinateur1");
        await coordinator.GotoAsync($"/parcours/{pathwayId}");
        await coordinator.GetByLabel("Motif de sortie").SelectOptionAsync("EMPLOI_DURABLE");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Valider la sortie (commission)" }).ClickAsync();
        await Expect(coordinator.GetByTestId("status")).ToHaveTextAsync("Sorti");
        await Expect(coordinator.GetByTestId("exit")).ToContainTextAsync("sortie le 30/12/2026, validée le 30/12/2026");
        await Expect(coordinator.GetByTestId("exit")).ToContainTextAsync("Sortie positive");
        // The exit attestation for the FSE, print-ready.
        await coordinator.GotoAsync($"/parcours/{pathwayId}/attestation");
        await Expect(coordinator.GetByTestId("document-title")).ToHaveTextAsync("Attestation de sortie");
        await Expect(coordinator.GetByTestId("exit-reason")).ToContainTextAsync("durable");
        app.Clock.SetToday(Today);
    }

    [Fact]
    public async Task SituationChange_VisibleInTheHistory_ThenAFollowUpContactRecordedWhenDue()
    {
        app.Clock.SetToday(Today);
        long pathwayId;
        string commune;
        await using (var data = new DemoData(app.Database))
        {
            var referentId = await data.ReferentOfAsync("referent1-1");
            var candidate = await data.Db.Pathways
                .Where(p => p.ReferentId == referentId && p.Status == PathwayStatus.ENTRE && p.EntryDate != null && p.EntryDate <= Today
                    && !p.Steps.Any(s => s.EndDate == null || s.EndDate >= Today))
                .OrderByDescending(p => p.Id).Select(p => new { p.Id, p.Participant!.Identity!.CommuneInsee }).FirstAsync();
            pathwayId = candidate.Id;
            commune = candidate.CommuneInsee == "21231" ? "21054" : "21231";
        }
        var referent = await app.SignInAsync("referent1-1");
        await referent.GotoAsync($"/parcours/{pathwayId}");
        await Expect(referent.GetByTestId("situation-history")).ToContainTextAsync("Aucun changement depuis l'entrée.");

        // The person moved and now lives alone with a child: a dated change, the profile at entry unchanged.
        await referent.GetByText("Enregistrer un changement de situation").ClickAsync();
        var form = referent.GetByTestId("situation-form");
        await form.GetByLabel("Date du changement").FillAsync("2026-06-29");
        await form.GetByLabel("Code INSEE de la commune de résidence").FillAsync(commune);
        await form.GetByLabel("Situation familiale").SelectOptionAsync("SEUL_AVEC_ENFANTS");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le changement" }).ClickAsync();
        await Expect(referent.GetByRole(AriaRole.Status)).ToContainTextAsync("Le changement de situation a été enregistré.");
        var change = referent.GetByTestId("situation-change");
        await Expect(change).ToHaveCountAsync(1);
        await Expect(change).ToContainTextAsync("29/06/2026");
        await Expect(change).ToContainTextAsync("Situation familiale : — → Seul(e), avec enfant(s) à charge");
        await Expect(change).ToContainTextAsync("Commune (code INSEE)");
        await Expect(referent.GetByTestId("situation-current")).ToContainTextAsync(commune);

        // An exit job from today: contacts planned at 1, 3 and 6 months.
        var add = referent.GetByTestId("add-step-form");
        await referent.GetByText("Ajouter une étape").ClickAsync();
        await add.GetByLabel("Type d'étape").SelectOptionAsync("EMPLOI_SORTIE");
        await add.GetByLabel("Date de début").FillAsync("2026-06-30");
        await add.GetByLabel("Type de contrat").SelectOptionAsync("CDI");
        await add.GetByLabel("Durée hebdomadaire (heures)").FillAsync("28");
        await add.GetByLabel("Employeur", new() { Exact = true }).FillAsync("Imprimerie du Lac");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'étape" }).ClickAsync();
        var first = referent.Locator("[data-testid=followup-contact][data-milestone='1']");
        await Expect(first).ToContainTextAsync("30/07/2026");
        await Expect(referent.Locator("[data-testid=followup-contact][data-milestone='6']")).ToContainTextAsync("30/12/2026");

        // The one-month contact is due on 30/07/2026, not the day before.
        var row = referent.Locator($"[data-testid=caseload-row][data-pathway='{pathwayId}']");
        var followUpAlert = row.Locator("[data-testid=alert][data-kind=FollowUpDue]");
        app.Clock.SetToday(new DateOnly(2026, 7, 29));
        await referent.GotoAsync("/portefeuille");
        await Expect(row).ToBeVisibleAsync();
        await Expect(followUpAlert).ToHaveCountAsync(0);
        app.Clock.SetToday(new DateOnly(2026, 7, 30));
        await referent.GotoAsync("/portefeuille?alerte=FollowUpDue");
        await Expect(followUpAlert).ToHaveTextAsync("Suivi dans l'emploi à faire");

        // The référent records the contact: still in the job; the alert goes.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(first).ToContainTextAsync("À faire");
        var contactForm = referent.GetByTestId("followup-form");
        await contactForm.GetByLabel("Date du contact").FillAsync("2026-07-30");
        await contactForm.GetByLabel("Situation constatée").SelectOptionAsync("EN_EMPLOI");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le contact" }).ClickAsync();
        await Expect(first).ToContainTextAsync("Toujours en emploi");
        await referent.GotoAsync("/portefeuille");
        await Expect(row).ToBeVisibleAsync();
        await Expect(followUpAlert).ToHaveCountAsync(0);
        app.Clock.SetToday(Today);
    }

    [Fact]
    public async Task Reassignment_ByCoordinator_AppearsInTheAuditLog()
    {
        app.Clock.SetToday(Today);
        long participantId, pathwayId, newReferent;
        await using (var data = new DemoData(app.Database))
        {
            var organisation = await data.OrganisationOfAsync("coordinateur1");
            (participantId, pathwayId, var current) = await data.OpenPathwayAsync(organisation);
            newReferent = await data.Db.Referents.Where(r => r.OrganisationId == organisation && r.Id != current).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        }
        var coordinator = await app.SignInAsync("coordinateur1");
        await coordinator.GotoAsync($"/participants/{participantId}");
        await coordinator.GetByLabel("Changer de référent").SelectOptionAsync(newReferent.ToString());
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Réaffecter" }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("réaffecté");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Journal des modifications" }).ClickAsync();
        var entry = coordinator.GetByTestId("audit-table").Locator("tr").Filter(new() { HasText = $"n° {pathwayId}" }).First;
        await Expect(entry).ToContainTextAsync("coordinateur1");
        await Expect(entry).ToContainTextAsync(newReferent.ToString());
    }
}
