-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "failed_at" TIMESTAMPTZ(3),
ADD COLUMN     "failure_reason" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'pending',
ALTER COLUMN "address" DROP NOT NULL;

-- Notifications sent before this migration.
UPDATE "notification" SET "status" = 'sent' WHERE "sent_at" IS NOT NULL;

-- CreateIndex
CREATE INDEX "notification_status_created_at_idx" ON "notification"("status", "created_at");
