-- CreateTable
CREATE TABLE "RewardHistory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committeeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "recipientKind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "memberId" TEXT,
    "subjectOrgId" TEXT,
    "memberLevel" TEXT,
    "emulationTitle" BOOLEAN NOT NULL DEFAULT false,
    "orgLevel" TEXT,
    "exemplary" BOOLEAN NOT NULL DEFAULT false,
    "score" INTEGER,
    "membersL1" INTEGER,
    "membersL2" INTEGER,
    "membersL3" INTEGER,
    "membersL4" INTEGER,
    "registered" BOOLEAN NOT NULL DEFAULT false,
    "rewardGiver" TEXT,
    "importedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "YearParameters" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "blocId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "baseWageDong" INTEGER NOT NULL,
    "provincialOrgs" INTEGER NOT NULL,
    "provincialMembers" INTEGER NOT NULL,
    "setById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProposalDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committeeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "rewardKey" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "tickedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "RewardHistory_committeeId_year_idx" ON "RewardHistory"("committeeId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "YearParameters_blocId_year_key" ON "YearParameters"("blocId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalDocument_committeeId_year_rewardKey_recipientId_document_key" ON "ProposalDocument"("committeeId", "year", "rewardKey", "recipientId", "document");

