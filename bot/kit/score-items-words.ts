// The words of a split of the 30 + 70 points (N3): a list with its group totals, where it comes from, what is wrong
// with it (domain validateScoreItems, a row the parser could not read), and the same items as the rows a committee
// types or keeps in its spreadsheet ("nhóm | nội dung | điểm | chấm theo mức | mẫu").
import type { ScoreRules } from "../../domain/rulebook";
import { groupMax, SCORE_GROUPS, type ScoreItem, type ScoreItemError } from "../../domain/score-items";
import { SCORE_ITEM_COLUMNS, scoreItemRows, type ScoreItemForm } from "../../domain/score-items-import";
import type { ScoreItemSource } from "../../store/score-items";
import type { Translate } from "./i18n";

/** "năm 2026" or "quý 2 năm 2026". */
export function periodWords(t: Translate, year: number, quarter: number): string {
  return quarter === 0 ? t("scoreItems.year", { year }) : t("scoreItems.quarter", { year, quarter });
}

/** For every form ("*") or one form. */
export function formWords(t: Translate, form: string): string {
  return form === "*" ? t("scoreItems.form_all") : t("scoreItems.form", { form });
}

/** Where a form's list comes from, seen from the organization `orgId`. */
export function sourceWords(t: Translate, from: ScoreItemSource, orgId: string): string {
  if (from.kind === "example") return t("scoreItems.from.example");
  const how = t(`scoreItems.source.${from.source === "imported" ? "imported" : "typed"}`);
  const key = from.orgId === orgId ? "scoreItems.from.own" : "scoreItems.from.above";
  const words = t(key, { version: from.version, org: from.orgName, how });
  return from.ofYear ? `${words} ${t("scoreItems.from.of_year")}` : words;
}

/** Whether two lists hold the same items in the same order (2A and 2B often do): the second is then named, not listed. */
export function sameItems(a: readonly ScoreItem[], b: readonly ScoreItem[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Each group's items with their points, and the group's total against its maximum. */
export function itemLines(t: Translate, items: readonly ScoreItem[], rules: ScoreRules): string[] {
  const lines: string[] = [];
  for (const group of SCORE_GROUPS) {
    const inGroup = items.filter((i) => i.group === group);
    const total = inGroup.reduce((sum, i) => sum + i.points, 0);
    const max = groupMax(group, rules);
    lines.push(t(`scoreItems.group.${group}`, { total, max, count: inGroup.length, mark: total === max ? "✓" : "⚠" }));
    for (const [i, item] of inGroup.entries())
      lines.push(t(item.graded ? "scoreItems.item_graded" : "scoreItems.item_whole", { n: i + 1, name: item.name, points: item.points }));
  }
  return lines;
}

/** validateScoreItems' errors in words, naming an item by its group and place in it. */
export function itemErrorLines(t: Translate, items: readonly ScoreItem[], errors: readonly ScoreItemError[]): string[] {
  const item = (id: string | undefined) => {
    const found = items.find((i) => i.id === id);
    if (!found) return { n: 0, name: "", group: "" };
    const n = items.filter((i) => i.group === found.group).indexOf(found) + 1;
    return { n, name: found.name, group: t(`scoreItems.group_name.${found.group}`) };
  };
  return errors.map((e) => {
    const words = { ...item(e.itemId), total: e.total ?? 0, expected: e.expected ?? 0 };
    const group = e.group ? t(`scoreItems.group_name.${e.group}`) : words.group;
    return t(`scoreItems.error.${e.code.replace("items.", "")}`, { ...words, group, id: e.itemId ?? "" });
  });
}

/** What the parser refused (a row, or a whole list), in words; a code this version does not know still names its row. */
export function rowErrorLine(t: Translate, error: ParserError): string {
  const column = error.code === "missing-column" && error.detail ? t(`scoreItems.column.${error.detail}`) : undefined;
  const words = {
    row: error.row ?? 0,
    detail: column ?? error.detail ?? "",
    form: error.form === "*" || !error.form ? t("scoreItems.form_all") : t("scoreItems.form", { form: error.form }),
    group: error.group ? t(`scoreItems.group_name.${error.group}`) : "",
    total: error.total ?? 0,
    expected: error.expected ?? 0,
  };
  const fallback = t(error.row ? "scoreItems.row_error.unknown" : "scoreItems.row_error.unknown_list", words);
  return t(`scoreItems.row_error.${error.code}`, { ...words, defaultValue: fallback });
}

/** A row's error, or (a parser that checks the sums itself) a list's: its form, group and totals. */
export type ParserError = {
  row: number | null;
  code: string;
  detail?: string;
  form?: string;
  group?: "general" | "tasks";
  total?: number;
  expected?: number;
};

/** The column names, then every item with its form (domain scoreItemRows): the rows the import reads back. */
export function scoreItemTable(vi: Translate, lists: ReadonlyArray<{ form: ScoreItemForm; items: readonly ScoreItem[] }>): string[][] {
  return [SCORE_ITEM_COLUMNS.map((c) => vi(`scoreItems.column.${c}`)), ...lists.flatMap((l) => scoreItemRows(l.items, l.form))];
}
