// The organization tree of issue 12: what /setup creates, what a committee may attach under it, and the links a
// committee issues. Branches (chi bộ) report to a base committee (đảng ủy cơ sở); base committees and standalone base
// branches (chi bộ cơ sở) report to the bloc (Đảng ủy Khối). Pure: the caller passes `now`.

/** What /setup sets up, in the order it offers them. */
export const SETUP_KINDS = ["branch", "base-branch", "base-committee", "bloc"] as const;
export type SetupKind = (typeof SETUP_KINDS)[number];

/** The organizations that hold members and review them: they get a roster and a review period at setup. */
export function holdsMembers(kind: string): boolean {
  return kind === "branch" || kind === "base-branch";
}

/** The committees that invite organizations under them, and which kinds each may attach. */
const SUBORDINATES: Readonly<Record<string, readonly SetupKind[]>> = {
  "base-committee": ["branch"],
  bloc: ["base-committee", "base-branch"],
};

/** The kinds an organization of `committeeKind` may have directly under it (none for a branch). */
export function subordinateKinds(committeeKind: string): readonly SetupKind[] {
  return SUBORDINATES[committeeKind] ?? [];
}

/** Whether `kind` may be attached under a committee of `committeeKind`. */
export function mayAttach(committeeKind: string, kind: string): boolean {
  return subordinateKinds(committeeKind).some((k) => k === kind);
}

/**
 * The links a committee's secretary issues: for a secretary of an organization to attach under it, or for a member
 * of the committee (ủy viên). A committee that nobody runs yet (set up by name before issue 12) gets its first
 * secretary through a link that a secretary of a branch under it issues and cannot claim.
 */
export const ORG_INVITE_KINDS = ["subordinate", "committee", "first-secretary"] as const;
export type OrgInviteKind = (typeof ORG_INVITE_KINDS)[number];

/** How long a committee's link lasts: long enough to reach a secretary over the holidays, short enough to leak less. */
export const ORG_INVITE_VALID_DAYS = 14;
/** Open links a committee may hold at once: a committee has tens of branches, not thousands. */
export const MAX_OPEN_ORG_INVITES = 50;

const MS_PER_DAY = 86_400_000;

/** When a link issued at `nowMs` expires. */
export function orgInviteExpiryMs(nowMs: number): number {
  return nowMs + ORG_INVITE_VALID_DAYS * MS_PER_DAY;
}

/** Why a link cannot be claimed now, or null when it can (the claimant's own checks come after). */
export function orgInviteProblem(
  invite: { expiresAtMs: number; usedAtMs: number | null; revokedAtMs: number | null },
  nowMs: number,
): "used" | "revoked" | "expired" | null {
  if (invite.usedAtMs !== null) return "used";
  if (invite.revokedAtMs !== null) return "revoked";
  if (invite.expiresAtMs <= nowMs) return "expired";
  return null;
}
