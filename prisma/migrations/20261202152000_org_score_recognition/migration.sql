-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OrgScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "scores" TEXT NOT NULL,
    "conditions" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "total" INTEGER NOT NULL DEFAULT 0,
    "hcmActions" TEXT,
    "derived" TEXT NOT NULL DEFAULT '{}',
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "exemplary" BOOLEAN NOT NULL DEFAULT false,
    "state" TEXT NOT NULL DEFAULT 'proposed',
    "recognizedAt" DATETIME,
    "recognizedById" TEXT,
    "revokedAt" DATETIME,
    "revokedById" TEXT,
    "revokeReason" TEXT,
    CONSTRAINT "OrgScore_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_OrgScore" ("conditions", "createdAt", "createdById", "id", "level", "orgId", "scores", "version", "year") SELECT "conditions", "createdAt", "createdById", "id", "level", "orgId", "scores", "version", "year" FROM "OrgScore";
DROP TABLE "OrgScore";
ALTER TABLE "new_OrgScore" RENAME TO "OrgScore";
CREATE INDEX "OrgScore_orgId_year_state_idx" ON "OrgScore"("orgId", "year", "state");
CREATE UNIQUE INDEX "OrgScore_orgId_year_version_key" ON "OrgScore"("orgId", "year", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

