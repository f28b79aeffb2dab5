// The words of a branch's papers under 366 (RULES-2025 N7, N12): the lines of the rating list with the scores, and
// the parts of the minutes of the branch meeting that appraised and proposed. Shared by the DOCX and XLSX forms.
import { capBaseBy, capSeats, reason, sharePercent, type MemberLevel, type MemberOutcome, type Reason } from "../../domain";
import type { ReviewTimeZone } from "../../domain/calendar";
import { MEMBER_LEVELS } from "../../domain/levels";
import type { AppraisalPaperRow, AppraisalPapers } from "../../store/appraisal-papers";
import { describeReason, describeReasons } from "../kit/describe-result";
import type { Translate } from "../kit/i18n";
import type { Signer } from "./letterhead";
import type { ListPaper } from "./list-paper";

type Words = { t: Translate; lang: string; zone: ReviewTimeZone };

const LIST_COLUMNS = ["index", "name", "form", "self_score", "self_level", "score", "level", "proposal", "decision", "note"] as const;
const LIST_SHARES = [4, 17, 5, 5, 9, 5, 9, 9, 15, 22];
const LIST_WIDTHS = [5, 21, 6, 7, 13, 7, 13, 13, 23, 37];
/** The number, the form and the scores read better centred. */
const LIST_CENTRED = [0, 2, 3, 5];

/** The 366 name of a level (N4), or nothing. */
const levelName = (t: Translate, level: MemberLevel | null | undefined) => (level ? t(`docs.appraisal.level.${level}`) : "");

/** The period in words: "năm 2026" or "quý 1 năm 2026" (N10). */
export function periodWords(t: Translate, papers: Pick<AppraisalPapers, "year" | "quarter">): string {
  return papers.quarter > 0
    ? t("docs.appraisal.period_quarter", { quarter: papers.quarter, year: papers.year })
    : t("docs.appraisal.period_year", { year: papers.year });
}

/** The branch's proposal: its proposal step, else (seeded, or written before the steps) a result still proposed. */
function proposedLevel(row: AppraisalPaperRow): MemberLevel | null {
  if (row.proposal) return row.proposal.level;
  const o = row.result?.outcome;
  return row.result && o?.kind === "level" ? o.level : null;
}

const levelOf = (o: MemberOutcome) => (o.kind === "level" ? o.level : null);

/** N7 step 3: the competent level's decision, where taken; one that differs from the proposal says why. */
function decisionText(w: Words, row: AppraisalPaperRow): string {
  const { t } = w;
  const result = row.result;
  if (!result || result.state === "proposed") return "";
  if (result.state === "revoked") return t("docs.appraisal.revoked");
  const level = levelOf(result.outcome);
  const decided = levelName(t, level);
  if (level === proposedLevel(row)) return decided;
  const differs = result.outcome.reasons.find((r) => r.code === "decision.differs");
  const why =
    differs && "params" in differs
      ? t("docs.appraisal.why", { note: (differs.params as { note: string }).note })
      : describeReasons(
          t,
          result.outcome.reasons.filter((r) => r.code.startsWith("cap.")),
          w.lang,
          w.zone,
        );
  return [t("docs.appraisal.differs", { level: decided }), why].filter(Boolean).join(" ");
}

/** The notes: why not evaluated (N1), a special case (N8), the grounds (N5), a proposal that differs from the score. */
function noteText(w: Words, row: AppraisalPaperRow): string {
  const { t } = w;
  const said = (r: Reason) => describeReason(t, r, w.lang, w.zone);
  if (row.notEvaluated.length > 0) return row.notEvaluated.map(said).join(" ");
  return [
    ...(row.self.submitted ? [] : [t("docs.appraisal.not_submitted")]),
    ...(row.specialCase ? [said(reason("score.special-case", { case: row.specialCase }))] : []),
    ...(row.appraisal?.grounds ?? []).map((ground) => said(reason("score.ground", { ground }))),
    ...(row.proposal?.note ? [t("docs.appraisal.proposal_why", { note: row.proposal.note })] : []),
  ].join(" ");
}

const scoreCell = (score: number | null | undefined) => (score === null || score === undefined ? "" : score);

function listRow(w: Words, row: AppraisalPaperRow, index: number): Array<string | number> {
  const { t } = w;
  const self = row.self.submitted ? row.self : null;
  const evaluated = row.notEvaluated.length === 0;
  return [
    index + 1,
    row.fullName,
    row.form,
    scoreCell(self?.total),
    levelName(t, self?.proposed),
    scoreCell(row.appraisal?.score),
    levelName(t, row.appraisal?.level),
    evaluated ? levelName(t, proposedLevel(row)) : t("docs.appraisal.not_evaluated"),
    evaluated ? decisionText(w, row) : "",
    noteText(w, row),
  ];
}

/** The list goes up signed for the branch committee by its secretary, as the 2011 list does. */
function listSigner(t: Translate, papers: AppraisalPapers): Signer {
  return { lines: [t("docs.sign.for_committee"), t("docs.sign.branch_secretary")], name: papers.secretaryName };
}

/** RULES-2025 N7, N12: the rating list with the scores of each step and the decision. */
export function appraisalListPaper(t: Translate, papers: AppraisalPapers, lang: string, zone: ReviewTimeZone): ListPaper {
  const w = { t, lang, zone };
  return {
    title: t("docs.appraisal.list_title", { period: periodWords(t, papers).toLocaleUpperCase("vi") }),
    header: LIST_COLUMNS.map((c) => t(`docs.appraisal.col.${c}`)),
    rows: papers.rows.map((row, i) => listRow(w, row, i)),
    shares: LIST_SHARES,
    widths: LIST_WIDTHS,
    centred: LIST_CENTRED,
    signer: listSigner(t, papers),
    sheetName: t("docs.appraisal.sheet"),
  };
}

export const MINUTES_COLUMNS = ["index", "name", "form", "self_score", "score", "proposal", "meeting"] as const;

/** One line of the minutes' table: the scores, the level the meeting proposes and its opinion (the meeting step). */
function minutesRow(t: Translate, row: AppraisalPaperRow, index: number): Array<string | number> {
  const evaluated = row.notEvaluated.length === 0;
  const opinion = row.meeting ? (row.meeting.note ?? t("docs.appraisal.meeting_no_words")) : "";
  return [
    index + 1,
    row.fullName,
    row.form,
    scoreCell(row.self.submitted ? row.self.total : null),
    scoreCell(row.appraisal?.score),
    evaluated ? levelName(t, proposedLevel(row)) : t("docs.appraisal.not_evaluated"),
    evaluated ? opinion : "",
  ];
}

export type MinutesParts = {
  title: string;
  subtitle: string;
  opening: string[];
  /** I: the members, and who is not evaluated with the reason (N1). */
  summary: string[];
  header: string[];
  rows: Array<Array<string | number>>;
  /** III: the counts per proposed level, the cap (N6) with its open points, a ballot as information (N7). */
  counts: string[];
  closing: string;
};

/** N6: the cap as the period reads it, over the branch's proposals; the competent level applies it when it decides. */
function capLine(t: Translate, papers: AppraisalPapers, proposals: MemberLevel[]): string {
  const rule = papers.cap;
  const base = capBaseBy(
    proposals.map((level) => ({ outcome: { kind: "level", level, reasons: [] } as MemberOutcome })),
    rule.base,
  );
  const words = t("docs.appraisal.cap", {
    percent: sharePercent(rule.share),
    baseRule: t(`cap_rule.base.${rule.base === "l2-only" ? "l2-only" : "with-excellent"}`),
    rounding: t(`cap_rule.rounding.${rule.rounding}`),
    base,
    seats: capSeats(base, rule),
    excellent: proposals.filter((l) => l === "L1").length,
  });
  return proposals.filter((l) => l === "L1").length > capSeats(base, rule) ? `${words} ${t("docs.appraisal.cap_over")}` : words;
}

export function appraisalMinutesParts(t: Translate, papers: AppraisalPapers, lang: string, zone: ReviewTimeZone): MinutesParts {
  const period = periodWords(t, papers);
  const notEvaluated = papers.rows.filter((r) => r.notEvaluated.length > 0);
  const evaluated = papers.rows.filter((r) => r.notEvaluated.length === 0);
  const proposals = evaluated.map(proposedLevel).filter((l): l is MemberLevel => l !== null);
  const count = (level: MemberLevel) => proposals.filter((l) => l === level).length;
  const perLevel = Object.fromEntries(MEMBER_LEVELS.map((l) => [l.toLowerCase(), count(l)]));
  return {
    title: t("docs.appraisal.minutes_title"),
    subtitle: t("docs.appraisal.minutes_subtitle", { period }),
    opening: [
      t("docs.appraisal.opening", { org: papers.orgName, period, rulebook: papers.rulebookTitle }),
      t("docs.appraisal.chair_line"),
      t("docs.appraisal.clerk_line"),
      t("docs.appraisal.attendance"),
    ],
    summary: [
      t("docs.appraisal.summary", { total: papers.rows.length, evaluated: evaluated.length, notEvaluated: notEvaluated.length }),
      ...notEvaluated.map((r) =>
        t("docs.appraisal.not_evaluated_line", { name: r.fullName, reason: describeReasons(t, r.notEvaluated, lang, zone) }),
      ),
    ],
    header: MINUTES_COLUMNS.map((c) => t(`docs.appraisal.col.${c}`)),
    rows: papers.rows.map((row, i) => minutesRow(t, row, i)),
    counts: [
      t("docs.appraisal.counts", { ...perLevel, pending: evaluated.length - proposals.length }),
      capLine(t, papers, proposals),
      ...(papers.ballotRecorded ? [t("docs.appraisal.ballot_information")] : []),
    ],
    closing: t("docs.appraisal.closing"),
  };
}

/** The minutes are signed by whoever chaired the meeting and its clerk, by hand. */
export function minutesSigners(t: Translate): Signer[] {
  return [
    { lines: [t("docs.sign.clerk")], name: null },
    { lines: [t("docs.sign.chair")], name: null },
  ];
}
