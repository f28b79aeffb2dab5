// The party's layout around a paper's body: the issuing organization (under the one above it) at the top left,
// "ĐẢNG CỘNG SẢN VIỆT NAM" underlined at the top right with the place and date under it, and the signature blocks.
// Borderless tables hold the two sides, as the party's own templates do.
import type { Paragraph } from "docx";
import type { Issuer } from "../../store/documents-data";
import type { Translate } from "../kit/i18n";
import { layoutTable, text } from "./docx-parts";

/**
 * The lines at the top left, in capitals: the upper organization as a party organization ("Đảng ủy X" heads the
 * "Đảng bộ X"), then the issuing one. Names are stored as typed, so "Chi bộ" is never added.
 */
export function issuerLines(issuer: Issuer): { upper: string | null; org: string } {
  const upper = issuer.upperOrgName?.trim().replace(/^đảng ủy(?=\s)/iu, "Đảng bộ");
  return { upper: upper ? upper.toLocaleUpperCase("vi") : null, org: issuer.orgName.trim().toLocaleUpperCase("vi") };
}

/** `paper`: the number under the issuer ("Số: 12-BC/ĐU") and the place and date filled in, for a numbered paper. */
export function letterhead(t: Translate, issuer: Issuer, width: number, paper?: { number: string; placeDate: string }) {
  const { upper, org } = issuerLines(issuer);
  const left = [
    ...(upper ? [text(upper, { center: true })] : []),
    text(org, { bold: true, center: true }),
    text("*", { center: true }),
    ...(paper ? [text(paper.number, { center: true })] : []),
  ];
  const right = [
    text(t("docs.party"), { bold: true, underline: true, center: true, after: 120 }),
    text(paper?.placeDate ?? t("docs.place_date"), { italic: true, center: true }),
  ];
  return layoutTable(width, [42, 58], [{ cells: [left, right] }], true);
}

/** The title in bold capitals, centred, with an optional line under it. */
export function title(value: string, subtitle?: string): Paragraph[] {
  return [
    text("", { after: 240 }),
    text(value, { bold: true, center: true, size: 28, after: subtitle ? 0 : 240 }),
    ...(subtitle ? [text(subtitle, { bold: true, center: true, after: 240 })] : []),
  ];
}

export type Signer = { lines: string[]; name: string | null };

/**
 * Signature blocks side by side on the right: a block's lines in bold capitals, room to sign, then the name in bold,
 * or "(Ký, ghi rõ họ tên)" when the name is written by hand. The row never leaves its block on another page.
 */
export function signatureBlocks(t: Translate, signers: Signer[], width: number) {
  const block = (signer: Signer) => [
    ...signer.lines.map((line) => text(line, { bold: true, center: true, keepNext: true })),
    ...(signer.name ? [] : [text(t("docs.sign.hint"), { italic: true, center: true, keepNext: true })]),
    ...["", "", ""].map(() => text("", { keepNext: true })),
    text(signer.name ?? "", { bold: true, center: true }),
  ];
  // One signer stands at the right half; two or three share the width.
  const cells = signers.length === 1 ? [[text("")], block(signers[0]!)] : signers.map(block);
  const shares = signers.length === 1 ? [45, 55] : signers.map(() => 100 / signers.length);
  return [text("", { after: 120, keepNext: true }), layoutTable(width, shares, [{ cells }], true)];
}
