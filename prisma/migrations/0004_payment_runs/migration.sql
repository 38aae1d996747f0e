-- CreateTable
CREATE TABLE "payment_run" (
    "month" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "held" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approved_at" TIMESTAMPTZ(3),
    "approved_by" TEXT,
    "exported_at" TIMESTAMPTZ(3),

    CONSTRAINT "payment_run_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "payment_line" (
    "id" UUID NOT NULL,
    "run_month" TEXT NOT NULL,
    "insats_id" TEXT NOT NULL,
    "anordnare_id" TEXT NOT NULL,
    "insatstyp" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "active_days" INTEGER,
    "amount_ore" INTEGER NOT NULL,
    "rule" TEXT NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "payment_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payable_item" (
    "insats_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "active_days" INTEGER,
    "amount_ore" INTEGER,
    "missing_setting" TEXT,
    "rule" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "payable_on" DATE NOT NULL,
    "run_month" TEXT NOT NULL,

    CONSTRAINT "payable_item_pkey" PRIMARY KEY ("insats_id","kind","month")
);

-- CreateIndex
CREATE INDEX "payment_line_run_month_anordnare_id_idx" ON "payment_line"("run_month", "anordnare_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_line_insats_id_kind_month_key" ON "payment_line"("insats_id", "kind", "month");

-- CreateIndex
CREATE INDEX "payable_item_run_month_idx" ON "payable_item"("run_month");

-- AddForeignKey
ALTER TABLE "payment_line" ADD CONSTRAINT "payment_line_run_month_fkey" FOREIGN KEY ("run_month") REFERENCES "payment_run"("month") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payable_item" ADD CONSTRAINT "payable_item_insats_id_fkey" FOREIGN KEY ("insats_id") REFERENCES "insats"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

