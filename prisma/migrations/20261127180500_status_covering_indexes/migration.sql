-- DropIndex
DROP INDEX "Member_orgId_idx";

-- DropIndex
DROP INDEX "SelfReview_periodId_memberId_submittedAt_idx";

-- DropIndex
DROP INDEX "BallotTally_periodId_memberId_idx";

-- CreateIndex
CREATE INDEX "Member_orgId_kind_exempt_retiredNotMoved_isLeader_workingAwaySince_userId_id_idx" ON "Member"("orgId", "kind", "exempt", "retiredNotMoved", "isLeader", "workingAwaySince", "userId", "id");

-- CreateIndex
CREATE INDEX "SelfReview_periodId_memberId_submittedAt_late_idx" ON "SelfReview"("periodId", "memberId", "submittedAt", "late");

-- CreateIndex
CREATE INDEX "BallotTally_periodId_memberId_supersededAt_idx" ON "BallotTally"("periodId", "memberId", "supersededAt");

-- CreateIndex
CREATE INDEX "MemberResult_periodId_memberId_version_outcome_state_idx" ON "MemberResult"("periodId", "memberId", "version", "outcome", "state");

