-- CreateTable
CREATE TABLE "GroupNotice" (
    "chatId" TEXT NOT NULL PRIMARY KEY,
    "noticedAt" DATETIME NOT NULL
);

