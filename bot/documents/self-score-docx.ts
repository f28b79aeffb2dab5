// RULES-2025 N2, N3: a member's self-review on form 2A, 2B or 2C as DOCX, to print and sign: the written parts, the
// self-score item by item with the totals, the year's tasks and the proposed level, in the party's layout. Personal
// data: generated on request for the member (or their secretary) only, never stored or logged.
import { Document, Packer } from "docx";
import type { FixStatus, MemberLevel, ReviewForm } from "../../domain/levels";
import { type ItemScores, type ScoreItem, scoreTotals } from "../../domain/score-items";
import { FORM_TEXT_PARTS, type FormTextPart } from "../../domain/self-score-parts";
import type { TaskResults } from "../../domain/task-results";
import type { Issuer } from "../../store/documents-data";
import type { Translate } from "../kit/i18n";
import { a4Section, DOCUMENT_STYLES, paragraphs, table, text, usableWidth } from "./docx-parts";
import { letterhead, signatureBlocks, title } from "./letterhead";

const PORTRAIT = usableWidth("portrait");

export type SelfScoreDocInput = {
  form: ReviewForm;
  fullName: string;
  issuer: Issuer;
  year: number;
  /** N10: 1–4 for a quarter's self-assessment, 0 for the year. */
  quarter: number;
  parts: Readonly<Record<FormTextPart, string | null>>;
  fixStatus: FixStatus | null;
  items: readonly ScoreItem[];
  scores: ItemScores;
  tasks: TaskResults | null;
  proposed: MemberLevel | null;
};

/** The score table: one row per item with its maximum and the member's points, then a total row per group. */
function scoreTable(t: Translate, input: SelfScoreDocInput) {
  const totals = scoreTotals(input.items, input.scores);
  const rows = input.items.map((item, i) => {
    const points = Object.hasOwn(input.scores, item.id) ? input.scores[item.id] : undefined;
    return [i + 1, item.name, item.points, points === undefined ? "" : points];
  });
  const max = (group: ScoreItem["group"]) => input.items.filter((i) => i.group === group).reduce((s, i) => s + i.points, 0);
  rows.push(["", t("docs.score.general_total"), max("general"), totals.general]);
  rows.push(["", t("docs.score.tasks_total"), max("tasks"), totals.tasks]);
  rows.push(["", t("docs.score.total"), max("general") + max("tasks"), totals.total]);
  const header = [t("docs.col.index"), t("docs.score.item"), t("docs.score.max"), t("docs.score.self")];
  return table(header, rows, PORTRAIT, [8, 64, 14, 14], [0]);
}

function tasksLine(t: Translate, tasks: TaskResults | null): string {
  return tasks ? t("docs.score.tasks_line", { ...tasks }) : t("docs.not_written");
}

export async function selfScoreDocx(t: Translate, input: SelfScoreDocInput): Promise<Buffer> {
  const heading =
    input.quarter > 0
      ? t("docs.score.title_quarter", { quarter: input.quarter, year: input.year })
      : t("docs.score.title", { year: input.year });
  const section = (key: FormTextPart | "strengths_group" | "score" | "tasks" | "level") =>
    text(t(`docs.score.part.${key}`), { bold: true, keepNext: true, after: 60 });
  const written = (part: FormTextPart) => paragraphs(input.parts[part] ?? t("docs.not_written"));
  const doc = new Document({
    styles: DOCUMENT_STYLES,
    sections: [
      a4Section("portrait", [
        letterhead(t, input.issuer, PORTRAIT),
        ...title(heading, t("docs.score.form", { form: input.form })),
        text(t("docs.review_name", { name: input.fullName }), { after: 120 }),
        section("strengths_group"),
        ...FORM_TEXT_PARTS.flatMap((part) => [
          section(part),
          ...(part === "earlier-fixes" && input.fixStatus ? [text(t(`docs.score.fix.${input.fixStatus}`), { italic: true })] : []),
          ...written(part),
        ]),
        section("score"),
        scoreTable(t, input),
        section("tasks"),
        text(tasksLine(t, input.tasks)),
        section("level"),
        text(input.proposed ? t(`rating.level.${input.proposed}`) : t("docs.not_written")),
        ...signatureBlocks(t, [{ lines: [t("docs.sign.author")], name: input.fullName }], PORTRAIT),
      ]),
    ],
  });
  return Packer.toBuffer(doc);
}
