-- CreateTable
CREATE TABLE "AppraiserAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "periodId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedById" TEXT
);

-- CreateIndex
CREATE INDEX "AppraiserAssignment_periodId_memberId_idx" ON "AppraiserAssignment"("periodId", "memberId");

