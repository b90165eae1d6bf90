-- Exchange format v1 (docs/spec/exchange-format.md §5.9 to §5.14): tables of the files whose modules do not exist yet,
-- named by module (Fse, Offer, Clauses); organisation columns rna, national_code, intermediate_body_id; appointment
-- convocation_rank.
CREATE TABLE "fse_operation" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_fse_operation" PRIMARY KEY AUTOINCREMENT,
    "external_id" TEXT NULL,
    "programme_organisation_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "programming_version" INTEGER NULL,
    "version_date" TEXT NULL,
    "code" TEXT NULL,
    "fse_operation_number" TEXT NULL,
    "fse_specific_objective" TEXT NULL,
    "expense_heading" TEXT NULL,
    "title" TEXT NULL,
    "operator_organisation_id" INTEGER NOT NULL,
    "objective_value" TEXT NULL,
    "objective_unit" TEXT NULL,
    "total_cost" TEXT NOT NULL,
    "procurement_mode" TEXT NULL,
    "status" TEXT NOT NULL,
    "start_date" TEXT NULL,
    "end_date" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_fse_operation_access_organisation_operator_organisation_id" FOREIGN KEY ("operator_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_fse_operation_access_organisation_programme_organisation_id" FOREIGN KEY ("programme_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT
);

CREATE TABLE "fse_financing" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_fse_financing" PRIMARY KEY AUTOINCREMENT,
    "external_id" TEXT NULL,
    "operation_id" INTEGER NOT NULL,
    "funder_kind" TEXT NOT NULL,
    "funder_organisation_id" INTEGER NULL,
    "funder_name" TEXT NULL,
    "amount" TEXT NOT NULL,
    "nature" TEXT NOT NULL,
    "mobilised" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_fse_financing_access_organisation_funder_organisation_id" FOREIGN KEY ("funder_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_fse_financing_fse_operation_operation_id" FOREIGN KEY ("operation_id") REFERENCES "fse_operation" ("id") ON DELETE RESTRICT
);

CREATE TABLE "offer_action" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_offer_action" PRIMARY KEY AUTOINCREMENT,
    "external_id" TEXT NULL,
    "call_id" TEXT NOT NULL,
    "convention_id" TEXT NULL,
    "action_type" TEXT NOT NULL,
    "local_action_type" TEXT NULL,
    "funder_organisation_id" INTEGER NOT NULL,
    "operator_organisation_id" INTEGER NOT NULL,
    "territory_code" TEXT NOT NULL,
    "operating_mode" TEXT NOT NULL,
    "funded_places" INTEGER NOT NULL,
    "reference_places" INTEGER NULL,
    "reference_lump_sum" TEXT NULL,
    "annual_amount" TEXT NOT NULL,
    "funding_mode" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    "application_status" TEXT NULL,
    "qpv_places_forecast" INTEGER NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_offer_action_access_organisation_funder_organisation_id" FOREIGN KEY ("funder_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_offer_action_access_organisation_operator_organisation_id" FOREIGN KEY ("operator_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT
);

CREATE TABLE "offer_monthly_report" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_offer_monthly_report" PRIMARY KEY AUTOINCREMENT,
    "action_id" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "accompanied_last_day" INTEGER NOT NULL,
    "entries" INTEGER NOT NULL,
    "exits_emploi_durable" INTEGER NOT NULL,
    "exits_emploi_transition" INTEGER NOT NULL,
    "exits_positive" INTEGER NOT NULL,
    "exits_autre" INTEGER NOT NULL,
    "submitted_on" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_offer_monthly_report_offer_action_action_id" FOREIGN KEY ("action_id") REFERENCES "offer_action" ("id") ON DELETE RESTRICT
);

CREATE TABLE "clauses_market" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_clauses_market" PRIMARY KEY AUTOINCREMENT,
    "external_id" TEXT NULL,
    "buyer_organisation_id" INTEGER NOT NULL,
    "clause_operation_id" TEXT NULL,
    "operation_name" TEXT NULL,
    "lot" TEXT NULL,
    "legal_basis" TEXT NOT NULL,
    "insertion_award_criterion" INTEGER NULL,
    "market_kind" TEXT NOT NULL,
    "hours_required" TEXT NULL,
    "start_date" TEXT NULL,
    "end_date" TEXT NULL,
    "awardee_siret" TEXT NULL,
    "awardee_organisation_id" INTEGER NULL,
    "qpv_anru" INTEGER NULL,
    "facilitator_organisation_id" INTEGER NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_clauses_market_access_organisation_awardee_organisation_id" FOREIGN KEY ("awardee_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_clauses_market_access_organisation_buyer_organisation_id" FOREIGN KEY ("buyer_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_clauses_market_access_organisation_facilitator_organisation_id" FOREIGN KEY ("facilitator_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT
);

CREATE TABLE "clauses_hours" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_clauses_hours" PRIMARY KEY AUTOINCREMENT,
    "external_id" TEXT NULL,
    "market_id" INTEGER NOT NULL,
    "participant_id" INTEGER NULL,
    "pathway_id" INTEGER NULL,
    "employer_siret" TEXT NULL,
    "modality" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    "hours" TEXT NOT NULL,
    "contract_type" TEXT NULL,
    "eligible_public" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_clauses_hours_clauses_market_market_id" FOREIGN KEY ("market_id") REFERENCES "clauses_market" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_clauses_hours_pathways_participant_participant_id" FOREIGN KEY ("participant_id") REFERENCES "pathways_participant" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_clauses_hours_pathways_pathway_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "pathways_pathway" ("id") ON DELETE RESTRICT
);

ALTER TABLE "access_organisation" ADD COLUMN "rna" TEXT NULL;
ALTER TABLE "access_organisation" ADD COLUMN "national_code" TEXT NULL;
ALTER TABLE "access_organisation" ADD COLUMN "intermediate_body_id" INTEGER NULL CONSTRAINT "fk_access_organisation_access_organisation_intermediate_body_id" REFERENCES "access_organisation" ("id") ON DELETE RESTRICT;
ALTER TABLE "pathways_appointment" ADD COLUMN "convocation_rank" INTEGER NULL;

CREATE INDEX "ix_access_organisation_intermediate_body_id" ON "access_organisation" ("intermediate_body_id");

CREATE INDEX "ix_clauses_hours_market_id" ON "clauses_hours" ("market_id");

CREATE INDEX "ix_clauses_hours_participant_id" ON "clauses_hours" ("participant_id");

CREATE INDEX "ix_clauses_hours_pathway_id" ON "clauses_hours" ("pathway_id");

CREATE INDEX "ix_clauses_market_awardee_organisation_id" ON "clauses_market" ("awardee_organisation_id");

CREATE INDEX "ix_clauses_market_buyer_organisation_id" ON "clauses_market" ("buyer_organisation_id");

CREATE INDEX "ix_clauses_market_facilitator_organisation_id" ON "clauses_market" ("facilitator_organisation_id");

CREATE INDEX "ix_fse_financing_funder_organisation_id" ON "fse_financing" ("funder_organisation_id");

CREATE INDEX "ix_fse_financing_operation_id" ON "fse_financing" ("operation_id");

CREATE INDEX "ix_fse_operation_operator_organisation_id" ON "fse_operation" ("operator_organisation_id");

CREATE INDEX "ix_fse_operation_programme_organisation_id" ON "fse_operation" ("programme_organisation_id");

CREATE INDEX "ix_fse_operation_year" ON "fse_operation" ("year");

CREATE INDEX "ix_offer_action_funder_organisation_id" ON "offer_action" ("funder_organisation_id");

CREATE INDEX "ix_offer_action_operator_organisation_id" ON "offer_action" ("operator_organisation_id");

CREATE UNIQUE INDEX "ix_offer_monthly_report_action_id_month" ON "offer_monthly_report" ("action_id", "month");
