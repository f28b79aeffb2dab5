-- AlterTable
ALTER TABLE "SelfReview" ADD COLUMN "form" TEXT;
ALTER TABLE "SelfReview" ADD COLUMN "pledge" TEXT;
ALTER TABLE "SelfReview" ADD COLUMN "shortcomings" TEXT;
ALTER TABLE "SelfReview" ADD COLUMN "earlierFixes" TEXT;
ALTER TABLE "SelfReview" ADD COLUMN "explanation" TEXT;
ALTER TABLE "SelfReview" ADD COLUMN "remedies" TEXT;
ALTER TABLE "SelfReview" ADD COLUMN "fixStatus" TEXT;
ALTER TABLE "SelfReview" ADD COLUMN "scores" TEXT;
ALTER TABLE "SelfReview" ADD COLUMN "taskResults" TEXT;

-- CreateTable
CREATE TABLE "ScoreItemList" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL DEFAULT 0,
    "form" TEXT NOT NULL DEFAULT '*',
    "version" INTEGER NOT NULL,
    "items" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MemberAppraisal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "periodId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "score" INTEGER,
    "level" TEXT,
    "grounds" TEXT NOT NULL DEFAULT '[]',
    "facts" TEXT NOT NULL DEFAULT '{}',
    "note" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Member" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "groupId" TEXT,
    "userId" TEXT,
    "fullName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "exempt" BOOLEAN NOT NULL DEFAULT false,
    "retiredNotMoved" BOOLEAN NOT NULL DEFAULT false,
    "workingAwaySince" DATETIME,
    "isLeader" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "form" TEXT,
    "admittedOn" DATETIME,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "specialCase" TEXT,
    CONSTRAINT "Member_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Member_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PartyGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Member" ("createdAt", "exempt", "fullName", "groupId", "id", "isLeader", "kind", "orgId", "retiredNotMoved", "userId", "workingAwaySince") SELECT "createdAt", "exempt", "fullName", "groupId", "id", "isLeader", "kind", "orgId", "retiredNotMoved", "userId", "workingAwaySince" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE INDEX "Member_orgId_kind_exempt_retiredNotMoved_isLeader_workingAwaySince_userId_id_idx" ON "Member"("orgId", "kind", "exempt", "retiredNotMoved", "isLeader", "workingAwaySince", "userId", "id");
CREATE INDEX "Member_userId_idx" ON "Member"("userId");
CREATE UNIQUE INDEX "Member_orgId_userId_key" ON "Member"("orgId", "userId");
CREATE TABLE "new_ReviewPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "rulebookId" TEXT NOT NULL,
    "selfReviewDeadline" DATETIME NOT NULL,
    "meetingDate" DATETIME,
    "reportDeadline" DATETIME NOT NULL,
    "reminderOffsets" TEXT NOT NULL DEFAULT '[3,1,0]',
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "quarter" INTEGER NOT NULL DEFAULT 0,
    "openPoints" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "ReviewPeriod_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ReviewPeriod" ("closedAt", "createdAt", "id", "meetingDate", "orgId", "reminderOffsets", "reportDeadline", "rulebookId", "selfReviewDeadline", "year") SELECT "closedAt", "createdAt", "id", "meetingDate", "orgId", "reminderOffsets", "reportDeadline", "rulebookId", "selfReviewDeadline", "year" FROM "ReviewPeriod";
DROP TABLE "ReviewPeriod";
ALTER TABLE "new_ReviewPeriod" RENAME TO "ReviewPeriod";
CREATE UNIQUE INDEX "ReviewPeriod_orgId_year_quarter_key" ON "ReviewPeriod"("orgId", "year", "quarter");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ScoreItemList_orgId_year_quarter_form_version_key" ON "ScoreItemList"("orgId", "year", "quarter", "form", "version");

-- CreateIndex
CREATE UNIQUE INDEX "MemberAppraisal_periodId_memberId_step_version_key" ON "MemberAppraisal"("periodId", "memberId", "step", "version");

