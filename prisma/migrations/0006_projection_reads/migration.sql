-- What GET /api/insatser/:id reads from the deadline projection instead of the workflow.

-- AlterTable
ALTER TABLE "deadline" ADD COLUMN     "escalation" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "opened_on" DATE,
ADD COLUMN     "section" TEXT;

-- Rows stored before this migration: the escalation chain is the rule's (RULE_OWNERS in
-- domain/deadlines/deadline.ts as of 0006). Their opened_on and section stay null until the
-- workflow writes the deadline again.
UPDATE "deadline" SET "escalation" = ARRAY['kvl', 'kundkoordinator'] WHERE "rule" IN ('bemanning');
UPDATE "deadline" SET "escalation" = ARRAY['arbetsledare'] WHERE "rule" IN ('uppdrag', 'plangranskning', 'manadsrapport-granskning', 'omprovning', 'tillaggscheck');
UPDATE "deadline" SET "escalation" = ARRAY['kvl'] WHERE "rule" IN ('genomforandeplan', 'manadsrapport', 'trepart', 'reviderad-plan', 'arbetsplats', 'slutrapport', 'lakarintyg', 'vab-intyg', 'sfi-niva', 'upptrappning', 'snabbhetspremie-uppfoljning');
