-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN "subjectOrgId" TEXT;

-- CreateTable
CREATE TABLE "OrgReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "reportedAt" DATETIME NOT NULL,
    "reportedById" TEXT
);

-- CreateTable
CREATE TABLE "ReportSettings" (
    "orgId" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT,
    "place" TEXT,
    "signerName" TEXT,
    "signerTitle" TEXT NOT NULL DEFAULT 'secretary',
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "OrgReport_orgId_year_key" ON "OrgReport"("orgId", "year");

