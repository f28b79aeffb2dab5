-- CreateIndex
CREATE INDEX "Member_userId_idx" ON "Member"("userId");

