-- Blocks of ids created by an import whose records are known to their producer by their external_id: no key row each
-- (docs/adr/0005-exchange-import-export.md).
CREATE TABLE exchange_key_range (
    producer_code character varying(32) NOT NULL,
    file character varying(32) NOT NULL,
    first_id bigint NOT NULL,
    last_id bigint NOT NULL,
    CONSTRAINT pk_exchange_key_range PRIMARY KEY (producer_code, file, first_id)
);

CREATE INDEX ix_exchange_key_range_file_last_id ON exchange_key_range (file, last_id);
