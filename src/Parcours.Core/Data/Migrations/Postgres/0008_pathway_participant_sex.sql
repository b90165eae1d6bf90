-- Each pathway keeps a copy of its participant's sex (Pathway.ParticipantSex), so that the reports count by sex from
-- the pathways alone instead of joining a million participants (docs/reporting.md, «Sex on the pathway»).
ALTER TABLE pathways_pathway ADD COLUMN participant_sex character varying(40) NOT NULL DEFAULT '';
UPDATE pathways_pathway p SET participant_sex = pa.sex FROM pathways_participant pa WHERE pa.id = p.participant_id;
ALTER TABLE pathways_pathway ALTER COLUMN participant_sex DROP DEFAULT;
