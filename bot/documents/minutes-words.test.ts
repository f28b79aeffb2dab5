// Issue 11, V36: a show of hands gets "BIÊN BẢN BIỂU QUYẾT", with no ballots issued and no ballot counters; V1: the
// rating list is signed for the chi ủy by the bí thư, the minutes by the clerk (thư ký) and the chair.
import { describe, expect, it } from "vitest";
import type { BranchPapers, PaperRow } from "../../store/documents-data";
import { REVIEW_ZONE } from "../../test/support/time-zone";
import { docxText } from "../../test/support/zip";
import { translatorFor } from "../kit/i18n";
import { ballotMinutesDocx, ratingListDocx } from "./branch-papers";

const t = translatorFor("vi");

function papers(method: "secret" | "hands"): BranchPapers {
  const row: PaperRow = {
    fullName: "Nguyễn Văn An",
    group: null,
    kind: "official",
    exempt: false,
    state: "proposed",
    tally: { method, official: 9, present: 8, valid: 8, votes: { L1: 0, L2: 7, L3: 1, L4: 0 } },
    outcome: { kind: "level", level: "L2", reasons: [] },
  };
  return { orgName: "Chi bộ Văn phòng", upperOrgName: null, secretaryName: null, year: 2026, official: 9, evaluated: 1, rows: [row] };
}

describe("the minutes follow the tally method (V36)", () => {
  it("a show of hands: BIÊN BẢN BIỂU QUYẾT, no ballots issued, no ballot counters", async () => {
    const text = docxText(await ballotMinutesDocx(t, papers("hands")));
    expect(text).toContain("BIÊN BẢN BIỂU QUYẾT");
    expect(text).not.toContain("KIỂM PHIẾU");
    expect(text).not.toContain("Phiếu phát ra");
    expect(text).toMatch(/Nguyễn Văn An Biểu quyết giơ tay 9 8 8 0 7 1 0/);
  });

  it("a secret ballot: BIÊN BẢN KIỂM PHIẾU, one ballot issued per member present, the counters sign", async () => {
    const text = docxText(await ballotMinutesDocx(t, papers("secret")));
    expect(text).toContain("BIÊN BẢN KIỂM PHIẾU");
    expect(text).toContain("Phiếu phát ra");
    expect(text).toMatch(/Nguyễn Văn An Bỏ phiếu kín 9 8 8 8 0 7 1 0/);
    expect(text).toContain("TỔ KIỂM PHIẾU");
  });

  it("V1, V22: the minutes are signed by the clerk and the chair; the list for the chi ủy by the bí thư", async () => {
    expect(docxText(await ballotMinutesDocx(t, papers("secret")))).toMatch(/THƯ KÝ.*CHỦ TRÌ/);
    const list = docxText(await ratingListDocx(t, papers("secret"), "vi", REVIEW_ZONE));
    expect(list).toMatch(/T\/M CHI ỦY\s*BÍ THƯ/);
    expect(list).not.toContain("THƯ KÝ");
  });
});
