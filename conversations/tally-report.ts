// What the branch-wide pass tells the secretaries: a tie at the L1 cap to decide (M8), two entries that disagree.
import { InlineKeyboard } from "grammy";
import type { Api } from "grammy";
import { reentry, tieKeep, tiePage } from "../bot/kit/buttons";
import type { Translate } from "../bot/kit/i18n";
import { notify } from "../bot/kit/notify";
import { addPageButtons, pageOf } from "../bot/kit/paging";
import type { TallyInput } from "../domain";
import type { Db } from "../store/client";
import { usersWithRole } from "../store/orgs";
import type { BranchPass, CapTie } from "../store/results";

/** The counts as the words' parameters (official, present, valid, l1…l4). */
export function countParams(tally: TallyInput) {
  const { official, present, valid, votes } = tally;
  return { official, present, valid, l1: votes.L1, l2: votes.L2, l3: votes.L3, l4: votes.L4 };
}

export function countsLine(t: Translate, tally: TallyInput): string {
  return t("tally.counts", { method: t(`tally.method.${tally.method}`), ...countParams(tally) });
}

/** A tie of a big branch can hold hundreds of candidates: their buttons come a page at a time (the names all at once). */
const TIE_BUTTONS_PER_PAGE = 40;

export function tieNotice(t: Translate, tie: CapTie, page = 0) {
  const shown = pageOf(tie.candidates, page, TIE_BUTTONS_PER_PAGE);
  const keyboard = new InlineKeyboard();
  for (const c of shown.items) keyboard.text(t("tally.button.keep_l1", { name: c.fullName }), tieKeep.pack({ memberId: c.memberId })).row();
  addPageButtons(keyboard, t, shown, (p) => tiePage.pack({ page: p }));
  const names = tie.candidates.map((c) => `• ${c.fullName}`).join("\n");
  return { text: t("tally.tie", { votes: tie.votes, seats: tie.seatsLeft, names }), keyboard };
}

/** Tells the branch's secretaries about a tie to decide and about disagreeing double entries. */
export async function reportPass(api: Api, db: Db, orgId: string, pass: BranchPass, now: Date): Promise<void> {
  // A tie is announced when it appears or changes (its members' results changed), not after every later tally.
  const newTie = pass.tie?.candidates.some((c) => pass.changed.includes(c.memberId)) ? pass.tie : null;
  if (!newTie && pass.disagreements.length === 0) return;
  const secretaries = await usersWithRole(db, orgId, ["secretary"]);
  if (newTie) await notify(api, db, secretaries, (t) => tieNotice(t, newTie), now);
  for (const d of pass.disagreements) {
    const [first, second] = d.entries;
    if (!first || !second) continue;
    await notify(
      api,
      db,
      secretaries,
      (t) => ({
        text: t("tally.disagreement", { name: d.fullName, first: countsLine(t, first), second: countsLine(t, second) }),
        keyboard: new InlineKeyboard().text(t("tally.button.reentry", { name: d.fullName }), reentry.pack({ memberId: d.memberId })),
      }),
      now,
    );
  }
}
