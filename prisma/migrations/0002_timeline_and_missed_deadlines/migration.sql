-- AlterTable
ALTER TABLE "deadline" ADD COLUMN     "missed" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "notification" ALTER COLUMN "due_date" DROP NOT NULL;

-- CreateTable
CREATE TABLE "timeline_entry" (
    "insats_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "entry" JSONB NOT NULL,

    CONSTRAINT "timeline_entry_pkey" PRIMARY KEY ("insats_id","seq")
);

-- CreateIndex
CREATE INDEX "timeline_entry_kind_at_idx" ON "timeline_entry"("kind", "at");

-- AddForeignKey
ALTER TABLE "timeline_entry" ADD CONSTRAINT "timeline_entry_insats_id_fkey" FOREIGN KEY ("insats_id") REFERENCES "insats"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

