// Who opened a link is told to the people who gave it: a secretary learns at once when a link reached the wrong person.
import type { User } from "grammy/types";
import type { Api } from "grammy";
import type { Logger } from "pino";
import type { Db } from "../../store/client";
import { claimNoticeRecipients, formerCommitteeRecipients } from "../../store/org-invites";
import type { OrgInviteKind } from "../../domain/org-tree";
import { notify } from "./notify";

/** The Telegram account as a person recognizes it: the name shown and the @username. */
export function accountOf(from: User): string {
  return [from.first_name, from.last_name].filter(Boolean).join(" ") + (from.username ? ` @${from.username}` : "");
}

type ClaimNotice = {
  kind: OrgInviteKind;
  orgId: string;
  orgName: string;
  createdById: string | null;
  attached: { orgName: string; from: string | null } | null;
};

/**
 * A committee's link claimed: its secretaries (or the issuer of a first-secretary link) are told who and what, and the
 * committee an organization left, if any.
 */
export async function tellOfOrgInviteClaim(
  api: Api,
  db: Db,
  claim: ClaimNotice,
  claimant: { userId: string; from: User },
  now: Date,
  log: Logger,
): Promise<void> {
  // Best effort: the claim is committed, and a notice that cannot go out must not hide that from the claimant.
  await sendClaimNotices(api, db, claim, claimant, now).catch((error) =>
    log.warn({ code: (error as { error_code?: number }).error_code }, "invite claim notice not sent"),
  );
}

async function sendClaimNotices(api: Api, db: Db, claim: ClaimNotice, claimant: { userId: string; from: User }, now: Date) {
  const recipients = await claimNoticeRecipients(db, claim, claimant.userId);
  const values = { account: accountOf(claimant.from), committee: claim.orgName, org: claim.attached?.orgName ?? "" };
  await notify(api, db, recipients, (t) => ({ text: t(`orgjoin.notice.${claim.kind}`, values) }), now);
  // An organization that left another committee: that committee learns it, so a move nobody agreed to is noticed.
  const former = claim.attached?.from;
  if (!former) return;
  const left = await formerCommitteeRecipients(db, former, claimant.userId);
  await notify(api, db, left, (t) => ({ text: t("orgjoin.notice.moved-away", values) }), now);
}
