// M8, revised Decision, in words: the committee's figure and cut (/recognize), and a branch's preview (/results).
// N6 (366): the same with scores instead of ballots, the rulebook's share, and the open points that set the figure.
import { InlineKeyboard } from "grammy";
import { sharePercent } from "../../domain";
import type { CommitteeCapView } from "../../store/committee-cap";
import { committeeCapButton } from "./buttons";
import type { Translate } from "./i18n";
import { addPageButtons, pageOf, shortList } from "./paging";

/** A tie of a big committee can hold many candidates: their buttons come a page at a time (the names all at once). */
const TIE_BUTTONS_PER_PAGE = 40;
/** Branches still to report, by name: enough to know whom to remind. */
const PENDING_NAMES_SHOWN = 20;

/** "15" for the guideline's 15%: display only, the cap itself is counted in integers (domain/fraction.ts). */
const percentOf = (view: CommitteeCapView) => (view.share ? sharePercent(view.share) : 0);

/** Under 366 candidates are ranked by their proposal's score: the words say points, not ballots (context `score`). */
const byScore = (view: CommitteeCapView) => (view.rule?.openPoints ? { context: "score" } : {});

/** N6: the open points that set the figure, as the words of the choice. */
function openPointWords(t: Translate, view: CommitteeCapView) {
  const points = view.rule?.openPoints;
  if (!points) return {};
  const base = points.baseIncludesExcellent ? "with-excellent" : "l2-only";
  return { baseRule: t(`cap_rule.base.${base}`), rounding: t(`cap_rule.rounding.${points.rounding}`) };
}

function people(t: Translate, view: CommitteeCapView, ids: readonly string[]): string {
  return ids
    .map((id) => {
      const p = view.people.get(id)!;
      return t("cap_committee.person", { name: p.fullName, branch: p.branchName, votes: p.share.votes, of: p.share.of, ...byScore(view) });
    })
    .join("\n");
}

/** The ranking and who keeps or moves by it, each list only when someone is in it. */
function cutLists(t: Translate, view: CommitteeCapView): string[] {
  if (view.state !== "to-apply" && view.state !== "tie") return [];
  const lists = [t("cap_committee.ranking", byScore(view))];
  if (view.keep.length > 0) lists.push(t("cap_committee.keep_list", { names: people(t, view, view.keep) }));
  if (view.demote.length > 0) lists.push(t("cap_committee.demote_list", { names: people(t, view, view.demote), ...byScore(view) }));
  return lists;
}

/** The committee-wide figure: the cap, its base, the candidates so far, the branches that have not reported. */
export function capFigure(t: Translate, view: CommitteeCapView): string {
  return t("cap_committee.figure", {
    cap: view.cap,
    base: view.base,
    percent: percentOf(view),
    candidates: view.candidates.length,
    seated: view.seated,
    pending: view.pendingBranches.length,
    ...openPointWords(t, view),
    ...byScore(view),
  });
}

function stateText(t: Translate, view: CommitteeCapView): string {
  const branches = shortList(
    t,
    view.pendingBranches.map((id) => view.branchNames.get(id) ?? ""),
    PENDING_NAMES_SHOWN,
    "paging.more_branches",
  );
  const tie = view.tie;
  return t(`cap_committee.state.${view.state}`, {
    branches,
    rulebooks: view.rulebookTitles.join("; "),
    percent: percentOf(view),
    kept: view.keep.length + (tie?.seatsLeft ?? 0),
    moved: view.demote.length + (tie ? tie.candidates.length - tie.seatsLeft : 0),
    votes: tie?.share.votes ?? 0,
    of: tie?.share.of ?? 0,
    tied: tie?.candidates.length ?? 0,
    seats: tie?.seatsLeft ?? 0,
    names: tie ? people(t, view, tie.candidates) : "",
    // "tie" and "applied" say more, or other names, under 366.
    ...(view.state === "tie" || view.state === "applied" ? byScore(view) : {}),
  });
}

/** The committee's message in /recognize: the figure, the cut, and the button that records it or the tie's choices. */
export function committeeCapMessage(t: Translate, view: CommitteeCapView, page = 0) {
  const text = [
    t("cap_committee.title", { committee: view.committeeName, year: view.year, percent: percentOf(view) }),
    capFigure(t, view),
    [...cutLists(t, view), stateText(t, view)].join("\n"),
  ].join("\n\n");
  const keyboard = new InlineKeyboard();
  const { committeeId, year } = view;
  if (view.state === "to-apply")
    keyboard.text(
      t("cap_committee.button.apply", { percent: percentOf(view) }),
      committeeCapButton.pack({ kind: "apply", committeeId, year }),
    );
  if (view.state === "tie" && view.tie) {
    const shown = pageOf(view.tie.candidates, page, TIE_BUTTONS_PER_PAGE);
    for (const id of shown.items) {
      const p = view.people.get(id)!;
      keyboard
        .text(
          t("cap_committee.button.keep", { name: p.fullName, branch: p.branchName }),
          committeeCapButton.pack({ kind: "keep", memberId: id }),
        )
        .row();
    }
    addPageButtons(keyboard, t, shown, (p) => committeeCapButton.pack({ kind: "page", committeeId, year, page: p }));
  }
  return { text, keyboard };
}

/** A branch's own L1 candidates against the committee-wide figure; the final cut is the committee's. */
export function branchCapPreview(t: Translate, view: CommitteeCapView, branchId: string): string {
  if (view.state === "mixed-rulebooks")
    return t("results.committee_mixed", { committee: view.committeeName, rulebooks: view.rulebookTitles.join("; ") });
  const own = view.candidates.filter((c) => c.branchId === branchId).map((c) => c.memberId);
  const lines = [
    t("results.committee_preview", { committee: view.committeeName, percent: percentOf(view) }),
    capFigure(t, view),
    own.length > 0 ? t("results.committee_own", { count: own.length, names: people(t, view, own) }) : t("results.committee_own_none"),
  ];
  if (view.state === "tie" || view.state === "applied") lines.push(t(`results.committee_${view.state}`));
  return lines.join("\n\n");
}
