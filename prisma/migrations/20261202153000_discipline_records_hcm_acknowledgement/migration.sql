-- AlterTable
ALTER TABLE "Discipline" ADD COLUMN "endsOn" DATETIME;
ALTER TABLE "Discipline" ADD COLUMN "decisionNumber" TEXT;
ALTER TABLE "Discipline" ADD COLUMN "recordedById" TEXT;
ALTER TABLE "Discipline" ADD COLUMN "removedAt" DATETIME;
ALTER TABLE "Discipline" ADD COLUMN "removedById" TEXT;

-- CreateTable
CREATE TABLE "HcmAcknowledgement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "periodId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    CONSTRAINT "HcmAcknowledgement_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReviewPeriod" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HcmAcknowledgement_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "HcmAcknowledgement_periodId_memberId_key" ON "HcmAcknowledgement"("periodId", "memberId");

-- CreateIndex
CREATE INDEX "Discipline_memberId_removedAt_idx" ON "Discipline"("memberId", "removedAt");

