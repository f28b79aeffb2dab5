// The reward lists of a committee as one sheet, in the party's layout: the committee (under the one above it) and
// "ĐẢNG CỘNG SẢN VIỆT NAM" in rows 1–2, the title in row 3, the year's base wage in row 4, then one block per reward
// (its title with the money and the quota use, a header row, one row per candidate), the signature at the end.
import ExcelJS from "exceljs";
import type { ReviewTimeZone } from "../../domain/calendar";
import type { QuotaUse, RewardList } from "../../domain/reward-lists";
import { withoutForbiddenCharacters } from "../../domain/text";
import type { CommitteeRewards } from "../../store/rewards";
import { describeReasons } from "../kit/describe-result";
import type { Translate } from "../kit/i18n";
import { FONT } from "./docx-parts";
import { issuerLines } from "./letterhead";
import { LINE_HEIGHT, linesIn } from "./rating-list-xlsx";

/** STT, name, unit, eligible, reasons, money, missing documents. */
const WIDTHS = [6, 28, 24, 12, 50, 16, 40];
const LAST = WIDTHS.length;
const LEFT_COLUMNS = [1, 2, 4, 6];
const AMOUNT_COLUMN = 5;
const THIN = { style: "thin" } as const;
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
type Style = { bold?: boolean; italic?: boolean; underline?: boolean; size?: number; left?: boolean; box?: boolean };

/** R2, R4: one proposing organization's quota (the giver's name for the province's, counted over the bloc). */
export function quotaLine(t: Translate, list: RewardList, q: QuotaUse): string {
  return t(q.over > 0 ? "rewards.quota_over" : "rewards.quota", {
    group: q.groupName || t(`rewards.giver.${list.giver}`),
    eligible: q.eligible,
    quota: q.quota ?? 0,
  });
}

export async function rewardListsXlsx(t: Translate, rewards: CommitteeRewards, lang: string, zone: ReviewTimeZone): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("rewards.xlsx.sheet").slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const cell = (row: number, from: number, to: number, value: string | number, style: Style = {}) => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const target = sheet.getCell(row, from);
    target.value = typeof value === "string" ? withoutForbiddenCharacters(value) : value;
    target.font = { name: FONT, size: style.size ?? 12, bold: style.bold, italic: style.italic, underline: style.underline };
    target.alignment = { horizontal: style.left ? "left" : "center", vertical: "top", wrapText: true };
    if (style.box) target.border = BOX;
    return target;
  };
  /** Spreadsheets do not grow rows on open: a row is as tall as its longest wrapped cell. */
  const fitRow = (row: number, values: readonly (string | number)[]) => {
    sheet.getRow(row).height = LINE_HEIGHT * Math.max(1, ...values.map((v, i) => linesIn(v, WIDTHS[i]!)));
  };
  const { upper, org } = issuerLines({ orgName: rewards.committee.name, upperOrgName: rewards.committee.upperName });
  cell(1, 1, 3, upper ?? org, { bold: !upper });
  cell(1, 4, LAST, t("docs.party"), { bold: true, underline: true });
  cell(2, 1, 3, upper ? org : "*", { bold: Boolean(upper) });
  cell(2, 4, LAST, t("docs.place_date"), { italic: true });
  cell(3, 1, LAST, t("rewards.xlsx.title", { year: rewards.year }), { bold: true, size: 14 });
  const wage = rewards.parameters
    ? t("rewards.wage", { year: rewards.year, wage: rewards.parameters.baseWageDong })
    : t("rewards.no_wage", { year: rewards.year });
  cell(4, 1, LAST, wage, { italic: true });
  let row = 6;
  const header = ["index", "name", "unit", "eligible", "reasons", "amount", "missing"].map((c) => t(`rewards.xlsx.col.${c}`));
  for (const [n, list] of rewards.lists.entries()) {
    const quota = list.quotas.map((q) => quotaLine(t, list, q));
    cell(row++, 1, LAST, `${n + 1}. ${t(`rewards.reward.${list.key}`)}`, { bold: true, left: true });
    if (quota.length > 0) cell(row++, 1, LAST, quota.join("; "), { italic: true, left: true });
    for (const [i, h] of header.entries()) cell(row, i + 1, i + 1, h, { bold: true, box: true });
    fitRow(row, header);
    row += 1;
    for (const [i, c] of list.candidates.entries()) {
      const missing = c.file?.missing.map((d) => t(`rewards.document.${d}`)).join("; ") ?? "";
      const values: (string | number)[] = [
        i + 1,
        c.name,
        c.unit,
        t(c.eligible ? "rewards.xlsx.yes" : "rewards.xlsx.no"),
        c.eligible ? "" : describeReasons(t, c.reasons, lang, zone),
        c.eligible && list.amountDong !== null ? list.amountDong : "",
        missing,
      ];
      for (const [col, value] of values.entries()) {
        const written = cell(row, col + 1, col + 1, value, { box: true, left: LEFT_COLUMNS.includes(col) });
        if (typeof value === "number" && col === AMOUNT_COLUMN) written.numFmt = "#,##0";
      }
      fitRow(row, values);
      row += 1;
    }
    if (list.candidates.length === 0) cell(row++, 1, LAST, t("rewards.no_candidates"), { italic: true, box: true });
    row += 1;
  }
  cell(row, 5, LAST, t("rewards.xlsx.signer"), { bold: true });
  cell(row + 1, 5, LAST, t("docs.sign.hint"), { italic: true });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template of the earlier years' import: Vietnamese headers (what the import reads) and example rows. */
export async function historyTemplateXlsx(headers: readonly string[], examples: readonly string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = headers.map((h) => ({ width: Math.max(12, Math.min(40, h.length + 4)) }));
  sheet.addRow([...headers]).font = { name: FONT, bold: true };
  for (const example of examples) sheet.addRow(example.map((v) => (/^\d+$/.test(v) ? Number(v) : v))).font = { name: FONT, italic: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
