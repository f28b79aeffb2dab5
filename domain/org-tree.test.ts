import { describe, expect, it } from "vitest";
import { holdsMembers, mayAttach, orgInviteExpiryMs, orgInviteProblem, SETUP_KINDS, subordinateKinds } from "./org-tree";

describe("the organization tree (issue 12)", () => {
  it("a base committee takes branches; the bloc takes base committees and standalone base branches; nothing else nests", () => {
    const table = SETUP_KINDS.flatMap((above) =>
      SETUP_KINDS.filter((below) => mayAttach(above, below)).map((below) => `${above}>${below}`),
    );
    expect(table).toEqual(["base-committee>branch", "bloc>base-branch", "bloc>base-committee"]);
    expect(subordinateKinds("branch")).toEqual([]);
  });

  it("only branches and base branches hold members and a review period", () => {
    expect(SETUP_KINDS.filter(holdsMembers)).toEqual(["branch", "base-branch"]);
  });

  it("a link is claimable until it is used, revoked or expires (the expiry instant itself is too late)", () => {
    const now = 1_000_000;
    const open = { expiresAtMs: orgInviteExpiryMs(now), usedAtMs: null, revokedAtMs: null };
    expect(orgInviteProblem(open, now)).toBeNull();
    expect(orgInviteProblem(open, open.expiresAtMs - 1)).toBeNull();
    expect(orgInviteProblem(open, open.expiresAtMs)).toBe("expired");
    expect(orgInviteProblem({ ...open, usedAtMs: now }, now)).toBe("used");
    expect(orgInviteProblem({ ...open, revokedAtMs: now }, now)).toBe("revoked");
  });
});
