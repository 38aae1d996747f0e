-- CreateTable
CREATE TABLE "insats" (
    "id" TEXT NOT NULL,
    "insatstyp" TEXT NOT NULL,
    "rulebook" TEXT NOT NULL,
    "beslutsdatum" DATE NOT NULL,
    "aktualiseringsdatum" DATE NOT NULL,
    "anordnare_id" TEXT NOT NULL,
    "kvl_id" TEXT NOT NULL,
    "kund_id" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "insats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "insats_event" (
    "id" TEXT NOT NULL,
    "insats_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "request_id" TEXT,

    CONSTRAINT "insats_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deadline" (
    "id" UUID NOT NULL,
    "insats_id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL,
    "due_date" DATE NOT NULL,
    "owner_role" TEXT NOT NULL,
    "owner_id" TEXT,
    "status" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "insats_id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient_role" TEXT NOT NULL,
    "recipient_id" TEXT,
    "address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "due_date" DATE NOT NULL,
    "scheduled_for" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "message_id" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact" (
    "role" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,

    CONSTRAINT "contact_pkey" PRIMARY KEY ("role","actor_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "insats_workflow_id_key" ON "insats"("workflow_id");

-- CreateIndex
CREATE INDEX "insats_anordnare_id_idx" ON "insats"("anordnare_id");

-- CreateIndex
CREATE INDEX "insats_kvl_id_idx" ON "insats"("kvl_id");

-- CreateIndex
CREATE INDEX "insats_event_insats_id_occurred_at_idx" ON "insats_event"("insats_id", "occurred_at");

-- CreateIndex
CREATE INDEX "deadline_status_due_date_idx" ON "deadline"("status", "due_date");

-- CreateIndex
CREATE UNIQUE INDEX "deadline_insats_id_rule_occurrence_key" ON "deadline"("insats_id", "rule", "occurrence");

-- CreateIndex
CREATE UNIQUE INDEX "notification_idempotency_key_key" ON "notification"("idempotency_key");

-- CreateIndex
CREATE INDEX "notification_insats_id_idx" ON "notification"("insats_id");

-- AddForeignKey
ALTER TABLE "insats_event" ADD CONSTRAINT "insats_event_insats_id_fkey" FOREIGN KEY ("insats_id") REFERENCES "insats"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadline" ADD CONSTRAINT "deadline_insats_id_fkey" FOREIGN KEY ("insats_id") REFERENCES "insats"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_insats_id_fkey" FOREIGN KEY ("insats_id") REFERENCES "insats"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
