-- Each pathway keeps a copy of its participant's sex (Pathway.ParticipantSex), so that the reports count by sex from
-- the pathways alone instead of joining a million participants (docs/reporting.md, «Sex on the pathway»).
ALTER TABLE pathways_pathway ADD COLUMN participant_sex character varying(40) NOT NULL DEFAULT '';
UPDATE pathways_pathway p SET participant_sex = pa.sex FROM pathways_participant pa WHERE pa.id = p.participant_id;
ALTER TABLE pathways_pathway ALTER COLUMN participant_sex DROP DEFAULT;
-- The entry-date index carries what the reports' step query needs from a pathway (index-only scan of the join).
DROP INDEX ix_pathways_pathway_entry_date;
CREATE INDEX ix_pathways_pathway_entry_date ON pathways_pathway (entry_date) INCLUDE (exit_date, scheme, organisation_id, participant_sex, participant_id, id);
