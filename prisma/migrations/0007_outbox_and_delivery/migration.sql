-- AlterTable
ALTER TABLE "contact" ADD COLUMN     "preference" TEXT NOT NULL DEFAULT 'digest';

-- CreateTable
CREATE TABLE "outbox_item" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "insats_id" TEXT NOT NULL,
    "insatstyp" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient_role" TEXT NOT NULL,
    "recipient_id" TEXT,
    "owner_role" TEXT NOT NULL,
    "owner_id" TEXT,
    "due_date" DATE,
    "section" TEXT,
    "text" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "withdrawn_reason" TEXT,
    "delivery_id" UUID,

    CONSTRAINT "outbox_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient_role" TEXT NOT NULL,
    "recipient_id" TEXT,
    "address" TEXT,
    "delivery_date" DATE NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "message_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "failed_at" TIMESTAMPTZ(3),
    "failure_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_item_idempotency_key_key" ON "outbox_item"("idempotency_key");

-- CreateIndex
CREATE INDEX "outbox_item_recipient_role_recipient_id_status_decided_at_idx" ON "outbox_item"("recipient_role", "recipient_id", "status", "decided_at");

-- CreateIndex
CREATE INDEX "outbox_item_delivery_id_idx" ON "outbox_item"("delivery_id");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_idempotency_key_key" ON "delivery"("idempotency_key");

-- CreateIndex
CREATE INDEX "delivery_status_delivery_date_idx" ON "delivery"("status", "delivery_date");

-- AddForeignKey
ALTER TABLE "outbox_item" ADD CONSTRAINT "outbox_item_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "delivery"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_item" ADD CONSTRAINT "outbox_item_insats_id_fkey" FOREIGN KEY ("insats_id") REFERENCES "insats"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

