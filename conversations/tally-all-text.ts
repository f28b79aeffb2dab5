// The words of /tally_all: how to write the table, the rows to fix, and the one preview of every counted member.
import { describeOutcome, describeReasons } from "../bot/kit/describe-result";
import type { Translate } from "../bot/kit/i18n";
import { shortList } from "../bot/kit/paging";
import { joinInMessages } from "../bot/kit/split-message";
import type { CountedRow, SheetError } from "../domain";
import type { BranchCountPreview } from "../store/branch-count";
import type { ReviewTimeZone } from "../domain/calendar";
import { countParams } from "./tally-report";

/** What the words need of the dialog's arguments. */
type Branch = { orgName: string; year: number; official: number; exampleNames: readonly string[] };
type Reader = { orgName: string; lang: string; timeZone: ReviewTimeZone; doubleEntry: boolean };

/** The members named before "and N more" in the preview's list of members still without counts. */
const NAMES_SHOWN = 30;

export function sheetIntro(t: Translate, args: Branch): string {
  const n = args.official;
  const examples = args.exampleNames.slice(0, 2).map((name, i) => [name, n, n, n, i === 0 ? n : 0, i === 0 ? 0 : n, 0, 0].join("\t"));
  return t("tally_all.intro", { org: args.orgName, year: args.year, columns: t("tally_all.columns"), example: examples.join("\n") });
}

/** Every bad row, by line, then what to do; several messages when the list is long. */
export function sheetErrors(t: Translate, errors: readonly SheetError[], kept: number): string[] {
  const lines = errors.map((e) => {
    // A sheet's code or one of validateTally's: both are worded under `error.<code>`.
    const what = t(`error.${e.error.code}`, e.error.params ?? {});
    return t("tally_all.error_line", { line: e.line, name: e.name, what });
  });
  const lineCount = new Set(errors.map((e) => e.line)).size;
  const footer = kept > 0 ? t("tally_all.fix_kept", { count: kept }) : t("tally_all.fix");
  return joinInMessages([t("tally_all.errors_title", { count: lineCount }), ...lines, footer], "\n");
}

function rowText(t: Translate, row: CountedRow, preview: BranchCountPreview, lang: string, zone: ReviewTimeZone): string {
  const counts = t("tally_all.row_counts", countParams(row.tally));
  const outcome = preview.outcomes[row.memberId];
  const written = row.written ? ` ${t("tally_all.written_as", { written: row.written })}` : "";
  const head = `${row.line}. ${row.fullName}${written}: ${counts}`;
  if (!outcome || preview.awaitingOtherEntry.includes(row.memberId)) return `${head}\n   → ${t("tally_all.awaiting_other")}`;
  const note = row.note ? `\n   ${t("tally_all.note", { note: row.note })}` : "";
  return `${head}\n   → ${describeOutcome(t, outcome)}. ${describeReasons(t, outcome.reasons, lang, zone)}${note}`;
}

/** One preview: every counted member's counts, level and reasons, the L1 cap, who is still to count, what to do. */
export function sheetPreview(t: Translate, args: Reader, rows: readonly CountedRow[], preview: BranchCountPreview): string {
  const method = t(`tally.method.${rows[0]?.tally.method ?? "secret"}`);
  const blocks = [t("tally_all.preview_title", { count: rows.length, method, org: args.orgName })];
  const sorted = [...rows].sort((a, b) => a.line - b.line);
  blocks.push(...sorted.map((row) => rowText(t, row, preview, args.lang, args.timeZone)));
  const figure = preview.cap;
  if (figure.kind === "committee") blocks.push(t("tally_all.cap_committee"));
  else blocks.push(t(figure.final ? "tally_all.cap" : "tally_all.cap_pending", { cap: figure.cap, base: figure.base }));
  if (preview.stillToCount.length > 0)
    blocks.push(
      t("tally_all.still_to_count", {
        count: preview.stillToCount.length,
        names: shortList(t, preview.stillToCount, NAMES_SHOWN, "paging.more_people"),
      }),
    );
  if (args.doubleEntry) blocks.push(t("tally_all.double_entry"));
  blocks.push(t("tally_all.confirm", { count: rows.length }));
  return blocks.join("\n\n");
}
