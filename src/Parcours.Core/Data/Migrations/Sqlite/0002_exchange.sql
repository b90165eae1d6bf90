-- Exchange format v1 (docs/spec/exchange-format.md): provenance of imported records and the datasets imported.
CREATE TABLE "exchange_dataset" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_exchange_dataset" PRIMARY KEY AUTOINCREMENT,
    "dataset_id" TEXT NOT NULL,
    "producer_code" TEXT NOT NULL,
    "produced_at_utc" TEXT NOT NULL,
    "imported_at_utc" TEXT NOT NULL,
    "files_digest" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "actor" TEXT NOT NULL
);

CREATE TABLE "exchange_record_key" (
    "producer_code" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "local_id" TEXT NOT NULL,
    "entity_id" INTEGER NOT NULL,
    CONSTRAINT "pk_exchange_record_key" PRIMARY KEY ("producer_code", "file", "local_id")
);

CREATE UNIQUE INDEX "ix_exchange_dataset_dataset_id" ON "exchange_dataset" ("dataset_id");

CREATE INDEX "ix_exchange_dataset_producer_code_produced_at_utc" ON "exchange_dataset" ("producer_code", "produced_at_utc");
