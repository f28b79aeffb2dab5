-- CreateTable
CREATE TABLE "CommitteeCapDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committeeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "memberId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "chosen" BOOLEAN NOT NULL,
    "votesL1" INTEGER NOT NULL,
    "denominator" INTEGER NOT NULL,
    "cap" INTEGER NOT NULL,
    "base" INTEGER NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CommitteeCapDecision_memberId_idx" ON "CommitteeCapDecision"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeCapDecision_committeeId_year_memberId_key" ON "CommitteeCapDecision"("committeeId", "year", "memberId");

