-- The participant's situation after entry: dated changes, the profile at entry staying frozen (W-02).
CREATE TABLE "pathways_situation_change" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_situation_change" PRIMARY KEY AUTOINCREMENT,
    "pathway_id" INTEGER NOT NULL,
    "effective_on" TEXT NOT NULL,
    "commune_insee" TEXT NULL,
    "qpv_resident" INTEGER NOT NULL,
    "family_situation" TEXT NULL,
    "lone_parent" INTEGER NOT NULL,
    "labour_market_status" TEXT NULL,
    "education_level" TEXT NULL,
    "rsa_recipient" INTEGER NOT NULL,
    "long_term_jobseeker" INTEGER NOT NULL,
    "registered_france_travail" INTEGER NOT NULL,
    "recorded_at_utc" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_situation_change_pathways_pathway_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "pathways_pathway" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_pathways_situation_change_pathway_id_effective_on" ON "pathways_situation_change" ("pathway_id", "effective_on");

-- Tripartite reviews (bilans tripartites, R-137): attendance, conclusions, decision, next review.
CREATE TABLE "pathways_review" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_review" PRIMARY KEY AUTOINCREMENT,
    "pathway_id" INTEGER NOT NULL,
    "held_on" TEXT NOT NULL,
    "participant_present" INTEGER NOT NULL,
    "referent_present" INTEGER NOT NULL,
    "prescriber_present" INTEGER NOT NULL,
    "employer_present" INTEGER NOT NULL,
    "conclusions" TEXT NULL,
    "decision" TEXT NOT NULL,
    "next_review_on" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_review_pathways_pathway_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "pathways_pathway" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_pathways_review_pathway_id_held_on" ON "pathways_review" ("pathway_id", "held_on");

-- Post-employment follow-up contacts of an exit job at +1, +3 and +6 months (W-05, R-130).
CREATE TABLE "pathways_followup" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_followup" PRIMARY KEY AUTOINCREMENT,
    "pathway_id" INTEGER NOT NULL,
    "step_id" INTEGER NOT NULL,
    "milestone" INTEGER NOT NULL,
    "planned_on" TEXT NOT NULL,
    "done_on" TEXT NOT NULL,
    "situation" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_followup_pathways_pathway_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "pathways_pathway" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_pathways_followup_pathways_step_step_id" FOREIGN KEY ("step_id") REFERENCES "pathways_step" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_pathways_followup_pathway_id" ON "pathways_followup" ("pathway_id");

CREATE UNIQUE INDEX "ix_pathways_followup_step_id_milestone" ON "pathways_followup" ("step_id", "milestone");

-- Exits proposed to the commission (W-02 ExitPending), then validated or refused with a reason.
CREATE TABLE "pathways_exit_proposal" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_exit_proposal" PRIMARY KEY AUTOINCREMENT,
    "pathway_id" INTEGER NOT NULL,
    "proposed_on" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "exit_step_id" INTEGER NULL,
    "exit_date" TEXT NULL,
    "status" TEXT NOT NULL,
    "decided_on" TEXT NULL,
    "refusal_reason" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_exit_proposal_pathways_pathway_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "pathways_pathway" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_pathways_exit_proposal_pathway_id_status" ON "pathways_exit_proposal" ("pathway_id", "status");
