-- Each pathway keeps a copy of its participant's sex (Pathway.ParticipantSex), so that the reports count by sex from
-- the pathways alone instead of joining the participants (docs/reporting.md, «Sex on the pathway»).
ALTER TABLE "pathways_pathway" ADD COLUMN "participant_sex" TEXT NOT NULL DEFAULT '';
UPDATE "pathways_pathway" SET "participant_sex" = (SELECT pa."sex" FROM "pathways_participant" pa WHERE pa."id" = "pathways_pathway"."participant_id");
