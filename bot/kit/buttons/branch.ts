// Running a branch: its setup, roster, committee, deadlines, and each person's language.
import type { PeriodDateField } from "../../../domain/deadlines";
import { CHANNELS } from "../../../domain/channels";
import { LANGUAGES } from "../i18n";
import { OPEN_POINT_KEYS } from "../../../domain/open-point-choices";
import { buttonFamily, buttonVariants, byIndex, id, int, matching, oneOf } from "../button-family";

/** /setup by a secretary who already has a branch: create another anyway. */
export const setupAnother = buttonFamily("setupnew", {});
/** The answers of the setup dialog; `y<year>` picks the review year, `r-<id>` a rulebook. */
export const setupStep = buttonFamily("setup", {
  choice: matching(/yes|no|default|create|rulebook|new|e[0-9]{1,2}|branch|base-branch|base-committee|bloc|y2[0-9]{3}|r-[a-z0-9-]{1,20}/),
});
/** The answers of /period: `y<year>`, `q<0–4>` (0: the whole year), `r-<id>` a rulebook, the deadline, open. */
export const periodStep = buttonFamily("period", {
  choice: matching(/default|create|rulebook|q[0-4]|y2[0-9]{3}|r-[a-z0-9-]{1,20}/),
});

/**
 * /period when quarters are open (N10): `pclose:open` goes on to open a new period, `pclose:ask:<periodId>` asks to
 * close that quarter, `pclose:confirm:<periodId>` closes it (the role checked against the period's branch each time).
 */
export const periodClose = buttonVariants("pclose", { open: {}, ask: { periodId: id }, confirm: { periodId: id } });

/** /openpoints: a period's open points (RULES-2025) shown; one point set to a value (yes/no or a rounding). */
export const openPointsShow = buttonFamily("opview", { periodId: id });
export const OPEN_POINT_WORDS = ["yes", "no", "floor", "nearest"] as const;
export const openPointSet = buttonFamily("opset", { periodId: id, key: byIndex(OPEN_POINT_KEYS), value: oneOf(OPEN_POINT_WORDS) });

/** The roster preview: import the new names, all of them, or paste again. */
export const rosterStep = buttonFamily("roster", { choice: oneOf(["import", "all", "again"]) });

/** /committee: grant or withdraw the chi ủy role of a joined member; another page of a big branch. */
export const committeeToggle = buttonFamily("committee", { memberId: id });
export const committeePage = buttonFamily("cmtpage", { page: int });

export const DEADLINE_FIELDS = ["selfReviewDeadline", "meetingDate", "reportDeadline"] as const satisfies readonly PeriodDateField[];
/** /deadline: change one of the period's dates. */
export const deadlineChange = buttonFamily("deadline", { field: oneOf(DEADLINE_FIELDS) });

/** /lang */
export const languageChoice = buttonFamily("lang", { lang: oneOf(LANGUAGES) });

/** /notify: the channel a person on both gets their reminders and notices on (issue 14). */
export const notifyChoice = buttonFamily("notify", { channel: oneOf(CHANNELS) });

/** /invites: reissue one member's link, all of a branch's, or another page of names. */
export const inviteButton = buttonVariants("invite", {
  one: { memberId: id },
  all: { orgId: id },
  page: { orgId: id, page: int },
});
