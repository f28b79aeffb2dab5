-- CreateTable
CREATE TABLE "ReviewMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "periodId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "part" TEXT NOT NULL,
    "pending" BOOLEAN NOT NULL DEFAULT false,
    "messageId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "length" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "ReviewMessage_periodId_memberId_part_idx" ON "ReviewMessage"("periodId", "memberId", "part");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewMessage_memberId_messageId_key" ON "ReviewMessage"("memberId", "messageId");

