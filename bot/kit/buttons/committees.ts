// A committee's links (/orginvites): issue one of a kind, revoke an open one.
import { ORG_INVITE_KINDS } from "../../../domain/org-tree";
import { buttonVariants, id, oneOf } from "../button-family";

/** `issue`: a new link of the committee `orgId`; `revoke`: an open link. */
export const orgInviteButton = buttonVariants("oinv", {
  issue: { orgId: id, what: oneOf(ORG_INVITE_KINDS) },
  revoke: { inviteId: id },
});
