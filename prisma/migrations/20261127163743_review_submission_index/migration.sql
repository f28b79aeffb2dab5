-- CreateIndex
CREATE INDEX "SelfReview_periodId_memberId_submittedAt_idx" ON "SelfReview"("periodId", "memberId", "submittedAt");

