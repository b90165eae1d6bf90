CREATE TABLE "access_audit_entry" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_access_audit_entry" PRIMARY KEY AUTOINCREMENT,
    "at_utc" TEXT NOT NULL,
    "user_id" INTEGER NULL,
    "actor" TEXT NOT NULL,
    "organisation_id" INTEGER NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "changes" TEXT NULL
);


CREATE TABLE "access_organisation" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_access_organisation" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "siret" TEXT NULL,
    "commune_insee" TEXT NULL,
    "departement" TEXT NULL,
    "parent_organisation_id" INTEGER NULL,
    "active_from" TEXT NULL,
    "active_to" TEXT NULL,
    "max_pathway_months" INTEGER NULL,
    "caseload_norm" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_access_organisation_access_organisation_parent_organisation_id" FOREIGN KEY ("parent_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT
);


CREATE TABLE "pathways_participant" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_participant" PRIMARY KEY AUTOINCREMENT,
    "organisation_id" INTEGER NOT NULL,
    "external_id" TEXT NULL,
    "sex" TEXT NOT NULL,
    "birth_year" INTEGER NULL,
    "created_at_utc" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_participant_access_organisation_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT
);


CREATE TABLE "pathways_referent" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_referent" PRIMARY KEY AUTOINCREMENT,
    "organisation_id" INTEGER NOT NULL,
    "employer_organisation_id" INTEGER NULL,
    "external_id" TEXT NULL,
    "role" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "email" TEXT NULL,
    "fte_hundredths" INTEGER NOT NULL,
    "funded_by_programme" INTEGER NOT NULL,
    "start_date" TEXT NULL,
    "end_date" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_referent_access_organisation_employer_organisation_id" FOREIGN KEY ("employer_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_pathways_referent_access_organisation_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT
);


CREATE TABLE "pathways_participant_identity" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_participant_identity" PRIMARY KEY,
    "organisation_id" INTEGER NOT NULL,
    "last_name" TEXT NOT NULL,
    "birth_name" TEXT NULL,
    "first_name" TEXT NOT NULL,
    "birth_date" TEXT NULL,
    "nir" TEXT NULL,
    "france_travail_id" TEXT NULL,
    "caf_number" TEXT NULL,
    "address_line" TEXT NULL,
    "postal_code" TEXT NULL,
    "commune_insee" TEXT NULL,
    "phone" TEXT NULL,
    "email" TEXT NULL,
    "search_name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_participant_identity_pathways_participant_id" FOREIGN KEY ("id") REFERENCES "pathways_participant" ("id") ON DELETE CASCADE
);


CREATE TABLE "access_user" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_access_user" PRIMARY KEY AUTOINCREMENT,
    "organisation_id" INTEGER NOT NULL,
    "login" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "roles" INTEGER NOT NULL,
    "referent_id" INTEGER NULL,
    "failed_login_count" INTEGER NOT NULL,
    "locked_until_utc" TEXT NULL,
    "is_active" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_access_user_access_organisation_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_access_user_pathways_referent_referent_id" FOREIGN KEY ("referent_id") REFERENCES "pathways_referent" ("id") ON DELETE RESTRICT
);


CREATE TABLE "pathways_pathway" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_pathway" PRIMARY KEY AUTOINCREMENT,
    "external_id" TEXT NULL,
    "participant_id" INTEGER NOT NULL,
    "scheme" TEXT NOT NULL,
    "organisation_id" INTEGER NOT NULL,
    "operation_id" INTEGER NULL,
    "referent_id" INTEGER NULL,
    "status" TEXT NOT NULL,
    "status_since" TEXT NULL,
    "rank" INTEGER NOT NULL,
    "prescriber_kind" TEXT NULL,
    "prescriber_organisation_id" INTEGER NULL,
    "prescription_date" TEXT NULL,
    "pre_assignment_date" TEXT NULL,
    "convocation_date" TEXT NULL,
    "convocation_count" INTEGER NOT NULL,
    "pre_entry_interview_date" TEXT NULL,
    "entry_commission_date" TEXT NULL,
    "entry_date" TEXT NULL,
    "non_entry_reason" TEXT NULL,
    "non_entry_date" TEXT NULL,
    "age_at_entry" INTEGER NULL,
    "public_category" TEXT NULL,
    "th_rqth" INTEGER NULL,
    "registered_france_travail" INTEGER NULL,
    "qpv_resident" INTEGER NULL,
    "qpv_code" TEXT NULL,
    "lone_parent" INTEGER NULL,
    "rsa_rights_and_duties" INTEGER NULL,
    "education_level" TEXT NULL,
    "education_level_1969" TEXT NULL,
    "inactivity_months" INTEGER NULL,
    "inactivity_band" TEXT NULL,
    "orientation_type" TEXT NULL,
    "orientation_date" TEXT NULL,
    "labour_market_status" TEXT NULL,
    "in_education_training" INTEGER NULL,
    "isced_group" TEXT NULL,
    "jobless_household" INTEGER NULL,
    "jobless_household_children" INTEGER NULL,
    "single_adult_household_children" INTEGER NULL,
    "disability" TEXT NULL,
    "migrant_foreign_background" TEXT NULL,
    "minority" TEXT NULL,
    "third_country_national" TEXT NULL,
    "other_disadvantaged" TEXT NULL,
    "homeless_housing_exclusion" TEXT NULL,
    "rural_area" INTEGER NULL,
    "exit_date" TEXT NULL,
    "exit_reason" TEXT NULL,
    "exit_validation_date" TEXT NULL,
    "exit_step_id" INTEGER NULL,
    "situation_4w" TEXT NULL,
    "in_education_training_4w" INTEGER NULL,
    "qualification_gained_4w" INTEGER NULL,
    "situation_6m" TEXT NULL,
    "improved_situation_6m" INTEGER NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_pathway_access_organisation_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_pathways_pathway_access_organisation_prescriber_organisation_id" FOREIGN KEY ("prescriber_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_pathways_pathway_pathways_participant_participant_id" FOREIGN KEY ("participant_id") REFERENCES "pathways_participant" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_pathways_pathway_pathways_referent_referent_id" FOREIGN KEY ("referent_id") REFERENCES "pathways_referent" ("id") ON DELETE RESTRICT
);


CREATE TABLE "access_caseload_share" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_access_caseload_share" PRIMARY KEY AUTOINCREMENT,
    "organisation_id" INTEGER NOT NULL,
    "referent_id" INTEGER NOT NULL,
    "shared_with_user_id" INTEGER NOT NULL,
    "granted_by_user_id" INTEGER NOT NULL,
    "granted_at_utc" TEXT NOT NULL,
    CONSTRAINT "fk_access_caseload_share_access_user_shared_with_user_id" FOREIGN KEY ("shared_with_user_id") REFERENCES "access_user" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_access_caseload_share_pathways_referent_referent_id" FOREIGN KEY ("referent_id") REFERENCES "pathways_referent" ("id") ON DELETE CASCADE
);


CREATE TABLE "pathways_appointment" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_appointment" PRIMARY KEY AUTOINCREMENT,
    "external_id" TEXT NULL,
    "pathway_id" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "attended" INTEGER NULL,
    "referent_id" INTEGER NULL,
    "note" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_appointment_pathways_pathway_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "pathways_pathway" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_pathways_appointment_pathways_referent_referent_id" FOREIGN KEY ("referent_id") REFERENCES "pathways_referent" ("id") ON DELETE RESTRICT
);


CREATE TABLE "pathways_barrier" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_barrier" PRIMARY KEY AUTOINCREMENT,
    "external_id" TEXT NULL,
    "pathway_id" INTEGER NOT NULL,
    "barrier_code" TEXT NOT NULL,
    "identified_on" TEXT NOT NULL,
    "lifted_on" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_barrier_pathways_pathway_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "pathways_pathway" ("id") ON DELETE CASCADE
);


CREATE TABLE "pathways_contract" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_contract" PRIMARY KEY AUTOINCREMENT,
    "external_id" TEXT NULL,
    "pathway_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "signed_on" TEXT NOT NULL,
    "start_date" TEXT NOT NULL,
    "end_date" TEXT NULL,
    "weekly_activity_hours" TEXT NULL,
    "reduced_hours" INTEGER NULL,
    "signatory_organisation_id" INTEGER NULL,
    "sent_on" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_contract_access_organisation_signatory_organisation_id" FOREIGN KEY ("signatory_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_pathways_contract_pathways_pathway_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "pathways_pathway" ("id") ON DELETE CASCADE
);


CREATE TABLE "pathways_pathway_event" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_pathway_event" PRIMARY KEY AUTOINCREMENT,
    "pathway_id" INTEGER NOT NULL,
    "on" TEXT NOT NULL,
    "recorded_at_utc" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "from_status" TEXT NULL,
    "to_status" TEXT NULL,
    "detail" TEXT NULL,
    CONSTRAINT "fk_pathways_pathway_event_pathways_pathway_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "pathways_pathway" ("id") ON DELETE CASCADE
);


CREATE TABLE "pathways_step" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_step" PRIMARY KEY AUTOINCREMENT,
    "external_id" TEXT NULL,
    "pathway_id" INTEGER NOT NULL,
    "step_type" TEXT NOT NULL,
    "start_date" TEXT NOT NULL,
    "planned_end_date" TEXT NULL,
    "end_date" TEXT NULL,
    "financed_by_programme" INTEGER NULL,
    "operation_id" INTEGER NULL,
    "action_id" INTEGER NULL,
    "provider_organisation_id" INTEGER NULL,
    "contract_type" TEXT NULL,
    "contract_months" TEXT NULL,
    "open_ended" INTEGER NULL,
    "weekly_hours" TEXT NULL,
    "employer_name" TEXT NULL,
    "employer_siret" TEXT NULL,
    "employer_naf_section" TEXT NULL,
    "employer_kind" TEXT NULL,
    "employer_size" TEXT NULL,
    "training_domain" TEXT NULL,
    "training_level" TEXT NULL,
    "validation_nature" TEXT NULL,
    "qualification_obtained" INTEGER NULL,
    "total_hours" TEXT NULL,
    "barrier_code" TEXT NULL,
    "clause_market_id" INTEGER NULL,
    "exit_reason" TEXT NULL,
    "exit_contract_type" TEXT NULL,
    "exit_contract_months" TEXT NULL,
    "outcome" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_step_access_organisation_provider_organisation_id" FOREIGN KEY ("provider_organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_pathways_step_pathways_pathway_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "pathways_pathway" ("id") ON DELETE CASCADE
);


CREATE INDEX "ix_access_audit_entry_at_utc" ON "access_audit_entry" ("at_utc");


CREATE INDEX "ix_access_audit_entry_entity_type_entity_id" ON "access_audit_entry" ("entity_type", "entity_id");


CREATE INDEX "ix_access_caseload_share_referent_id" ON "access_caseload_share" ("referent_id");


CREATE UNIQUE INDEX "ix_access_caseload_share_shared_with_user_id_referent_id" ON "access_caseload_share" ("shared_with_user_id", "referent_id");


CREATE UNIQUE INDEX "ix_access_organisation_code" ON "access_organisation" ("code");


CREATE INDEX "ix_access_organisation_parent_organisation_id" ON "access_organisation" ("parent_organisation_id");


CREATE UNIQUE INDEX "ix_access_user_login" ON "access_user" ("login");


CREATE INDEX "ix_access_user_organisation_id" ON "access_user" ("organisation_id");


CREATE INDEX "ix_access_user_referent_id" ON "access_user" ("referent_id");


CREATE INDEX "ix_pathways_appointment_pathway_id" ON "pathways_appointment" ("pathway_id");


CREATE INDEX "ix_pathways_appointment_referent_id" ON "pathways_appointment" ("referent_id");


CREATE UNIQUE INDEX "ix_pathways_barrier_pathway_id_barrier_code_identified_on" ON "pathways_barrier" ("pathway_id", "barrier_code", "identified_on");


CREATE INDEX "ix_pathways_contract_pathway_id" ON "pathways_contract" ("pathway_id");


CREATE INDEX "ix_pathways_contract_signatory_organisation_id" ON "pathways_contract" ("signatory_organisation_id");


CREATE UNIQUE INDEX "ix_pathways_participant_organisation_id_external_id" ON "pathways_participant" ("organisation_id", "external_id");


CREATE INDEX "ix_pathways_participant_identity_nir" ON "pathways_participant_identity" ("nir");


CREATE INDEX "ix_pathways_participant_identity_organisation_id_search_name" ON "pathways_participant_identity" ("organisation_id", "search_name");


CREATE INDEX "ix_pathways_pathway_entry_date" ON "pathways_pathway" ("entry_date");


CREATE INDEX "ix_pathways_pathway_exit_date" ON "pathways_pathway" ("exit_date");


CREATE UNIQUE INDEX "ix_pathways_pathway_organisation_id_external_id" ON "pathways_pathway" ("organisation_id", "external_id");


CREATE INDEX "ix_pathways_pathway_organisation_id_status" ON "pathways_pathway" ("organisation_id", "status");


CREATE INDEX "ix_pathways_pathway_participant_id_referent_id_status" ON "pathways_pathway" ("participant_id", "referent_id", "status");


CREATE INDEX "ix_pathways_pathway_prescriber_organisation_id" ON "pathways_pathway" ("prescriber_organisation_id");


CREATE INDEX "ix_pathways_pathway_referent_id_status" ON "pathways_pathway" ("referent_id", "status");


CREATE INDEX "ix_pathways_pathway_event_pathway_id" ON "pathways_pathway_event" ("pathway_id");


CREATE INDEX "ix_pathways_referent_employer_organisation_id" ON "pathways_referent" ("employer_organisation_id");


CREATE UNIQUE INDEX "ix_pathways_referent_organisation_id_external_id" ON "pathways_referent" ("organisation_id", "external_id");


CREATE INDEX "ix_pathways_step_external_id" ON "pathways_step" ("external_id");


CREATE INDEX "ix_pathways_step_pathway_id" ON "pathways_step" ("pathway_id");


CREATE INDEX "ix_pathways_step_provider_organisation_id" ON "pathways_step" ("provider_organisation_id");


CREATE INDEX "ix_pathways_step_start_date_end_date" ON "pathways_step" ("start_date", "end_date");


