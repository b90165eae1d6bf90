-- Editorial blocks of the PLIE monthly letter (RPT-13 blocks 3 and 6): one text per programme, month and block.
CREATE TABLE "reporting_letter_editorial" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_reporting_letter_editorial" PRIMARY KEY AUTOINCREMENT,
    "organisation_id" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "block" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updated_at_utc" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_reporting_letter_editorial_access_organisation_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "access_organisation" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_reporting_letter_editorial_organisation_id_month_block" ON "reporting_letter_editorial" ("organisation_id", "month", "block");
