-- AlterTable
ALTER TABLE "User" ADD COLUMN "notifyChannel" TEXT;

-- CreateTable
CREATE TABLE "MemberAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "MemberAccount_userId_key" ON "MemberAccount"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MemberAccount_memberId_channel_key" ON "MemberAccount"("memberId", "channel");

