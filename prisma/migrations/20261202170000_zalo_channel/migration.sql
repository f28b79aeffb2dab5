-- CreateTable
CREATE TABLE "ZaloAccount" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "zaloId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ZaloMenu" (
    "accountId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messageId" INTEGER NOT NULL,
    "options" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    CONSTRAINT "ZaloMenu_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ZaloAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ZaloEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventKey" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ZaloAccount_zaloId_key" ON "ZaloAccount"("zaloId");

-- CreateIndex
CREATE UNIQUE INDEX "ZaloEvent_eventKey_key" ON "ZaloEvent"("eventKey");

