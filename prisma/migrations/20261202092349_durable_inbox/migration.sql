-- AlterTable
ALTER TABLE "SelfReview" ADD COLUMN "lastMessageId" INTEGER;
ALTER TABLE "SelfReview" ADD COLUMN "pendingPart" TEXT;
ALTER TABLE "SelfReview" ADD COLUMN "pendingText" TEXT;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ProcessedUpdate";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "InboundUpdate" (
    "updateId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatKey" TEXT NOT NULL,
    "payload" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "handledAt" DATETIME
);

-- CreateIndex
CREATE INDEX "InboundUpdate_handledAt_updateId_idx" ON "InboundUpdate"("handledAt", "updateId");

