-- The référent's workspace: documents of the administrative file (R-105) and exit evidence (R-129).
CREATE TABLE "pathways_document" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_document" PRIMARY KEY AUTOINCREMENT,
    "pathway_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "received_on" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_document_pathways_pathway_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "pathways_pathway" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_pathways_document_pathway_id_kind" ON "pathways_document" ("pathway_id", "kind");

-- RSA orientation of a recipient (W-07): rights opening, orientation type and organisation.
CREATE TABLE "pathways_rsa_orientation" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pathways_rsa_orientation" PRIMARY KEY AUTOINCREMENT,
    "pathway_id" INTEGER NOT NULL,
    "rights_opened_on" TEXT NOT NULL,
    "oriented_on" TEXT NULL,
    "orientation_type" TEXT NULL,
    "organisation_name" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_pathways_rsa_orientation_pathways_pathway_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "pathways_pathway" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_pathways_rsa_orientation_pathway_id" ON "pathways_rsa_orientation" ("pathway_id");
