// Issue 9, point 7: a name holding what XML 1.0 forbids (U+FFFE, U+FFFF, controls), stored before names were cleaned
import { REVIEW_ZONE } from "../../test/support/time-zone";
// on input or typed as free text, never makes an exported XLSX or DOCX invalid.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { docxText, readZipEntry } from "../../test/support/zip";
import type { BranchPapers } from "../../store/documents-data";
import { translatorFor } from "../kit/i18n";
import { ballotMinutesDocx, ratingListDocx, ratingListXlsx } from "./branch-papers";
import { selfReviewDocx } from "./self-review-docx";

const t = translatorFor("vi");
const DIRTY = "Nguyễn\uFFFE Văn\uFFFF An\u0001\u001b";
/** Characters XML 1.0 does not allow anywhere in a document. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters a document must not contain
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const papers: BranchPapers = {
  orgName: `Chi bộ\uFFFF Văn phòng`,
  upperOrgName: "Đảng ủy\uFFFE Sở",
  secretaryName: `Trần\uFFFF Bí Thư`,
  year: 2026,
  official: 1,
  evaluated: 1,
  rows: [
    {
      fullName: DIRTY,
      group: "1\uFFFE",
      kind: "official",
      exempt: false,
      state: "proposed",
      tally: { method: "secret", official: 1, present: 1, valid: 1, votes: { L1: 0, L2: 1, L3: 0, L4: 0 } },
      outcome: { kind: "level", level: "L3", reasons: [], note: "ghi chú\uFFFF" },
    },
  ],
};

function expectValidXml(xml: string) {
  expect(xml).not.toMatch(FORBIDDEN);
}

describe("exported documents with forbidden characters in names", () => {
  it("the rating list XLSX opens again and shows the name without them", async () => {
    const xlsx = await ratingListXlsx(t, papers, "vi", REVIEW_ZONE);
    for (const part of ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"]) expectValidXml(readZipEntry(xlsx, part));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const values = workbook.worksheets[0]!.getRow(6).values as unknown[];
    expect(values).toContain("Nguyễn Văn An");
  });

  it.each([
    ["rating list", () => ratingListDocx(t, papers, "vi", REVIEW_ZONE)],
    ["ballot minutes", () => ballotMinutesDocx(t, papers)],
    [
      "self-review",
      () =>
        selfReviewDocx(t, {
          fullName: DIRTY,
          issuer: papers,
          year: 2026,
          review: { contents: { a: "a\uFFFF", b: null, c: null, d: null }, hcmActions: null, selfRating: "L2" } as never,
        }),
    ],
  ])("the %s DOCX has no forbidden character in its XML", async (_name, build) => {
    const docx = await build();
    expectValidXml(readZipEntry(docx, "word/document.xml"));
    expect(docxText(docx)).toContain("Nguyễn Văn An");
  });
});
