// Issue 13: a roster saved by Excel in the Windows Vietnamese code page or as "Unicode text" imports with the right
// names; a file that cannot be read is refused in one sentence; a spreadsheet paste is accepted; the preview shows
// the first names and every suspicious one, so a garbled import is caught before it is saved.
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { collectInviteCodes, openRosterDialog } from "./onboarding-steps";

/** The branch of the current test, its secretary in the /roster dialog. */
let world: Awaited<ReturnType<typeof openRosterDialog>>;
afterEach(() => world.h.stop());

describe("roster files in the encodings spreadsheets save, and pastes from them", () => {
  it("a CSV saved as Windows-1258 (tones as combining marks) imports with the right names", async () => {
    world = await openRosterDialog();
    const { secretary } = world;
    // As Excel writes it: ư and â precomposed, each tone a separate combining byte after its letter.
    const csv = "Ho\u0323 tên;Loa\u0323i\r\nPha\u0323m Thi\u0323 Dung;chi\u0301nh thư\u0301c\r\nLê Văn Cươ\u0300ng;dư\u0323 bi\u0323\r\n";
    const bytes = iconv.encode(csv, "windows1258");
    expect(bytes.includes(0xf2)).toBe(true);
    await secretary.sendDocument("danh-sach.csv", bytes, "text/csv");
    const preview = await secretary.waitForMessage(/Danh sách gồm 2 đồng chí/);
    expect(preview.text).toContain("Họ tên: Phạm Thị Dung, Lê Văn Cường");
    expect(preview.text).not.toContain("cần xem lại");
    await secretary.click("Nhập 2 đồng chí");
    await secretary.waitForMessage(/Đã nhập 2 đồng chí/);
    expect(Object.keys(await collectInviteCodes(secretary))).toEqual(["Phạm Thị Dung", "Lê Văn Cường"]);
    const stored = await world.h.db.member.findMany({ where: { fullName: { in: ["Phạm Thị Dung", "Lê Văn Cường"] } } });
    expect(stored.map((m) => m.kind).sort()).toEqual(["official", "probationary"]);
  });

  it("a tab-separated file saved as UTF-16LE with a byte order mark imports too", async () => {
    world = await openRosterDialog();
    const { secretary } = world;
    const text = "Họ tên\tLoại\tTổ\r\nPhạm Thị Dung\tchính thức\t2\r\n";
    await secretary.sendDocument("danh-sach.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "text/plain");
    const preview = await secretary.waitForMessage(/Danh sách gồm 1 đồng chí/);
    expect(preview.text).toContain("Họ tên: Phạm Thị Dung");
    expect(preview.text).toContain("tổ 2 (1)");
  });

  it("bytes no encoding reads are refused with one sentence, and nothing is stored", async () => {
    world = await openRosterDialog();
    const { secretary, ids, h } = world;
    await secretary.sendDocument("danh-sach.csv", Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x81, 0x01, 0x8d, 0x0a, 0x00, 0x90]), "text/csv");
    const refusal = await secretary.waitForMessage(/Không đọc được tệp/);
    expect(refusal.text).toContain("Không đọc được tệp vì tệp không phải văn bản CSV hoặc dùng bảng mã lạ");
    expect(await h.db.member.count({ where: { orgId: ids.orgId } })).toBe(1);
  });

  it("rows pasted from a spreadsheet (tabs) are accepted, and the preview names the suspicious ones", async () => {
    world = await openRosterDialog();
    const { secretary } = world;
    const rows = ["Phạm Thị Dung\tchính thức\ttổ 2", "LÊ VĂN CƯỜNG\tdự bị\t", "Pha\uFFFDm Thi\uFFFD Hoa\tchính thức", "Ngô An\tchính thức"];
    await secretary.send([...rows, "Trần Bình\tchính thức", "Đỗ Chi\tchính thức", "Hồ Dũng 2\tchính thức"].join("\n"));
    const preview = await secretary.waitForMessage(/Danh sách gồm 7 đồng chí/);
    expect(preview.text).toContain("Họ tên: Phạm Thị Dung, LÊ VĂN CƯỜNG, Pha\uFFFDm Thi\uFFFD Hoa, Ngô An, Trần Bình và 2 đồng chí khác");
    expect(preview.text).toContain(
      "3 họ tên cần xem lại (có chữ số, ký tự lạ hoặc viết hoa toàn bộ): LÊ VĂN CƯỜNG, Pha\uFFFDm Thi\uFFFD Hoa, Hồ Dũng 2",
    );
  });
});
